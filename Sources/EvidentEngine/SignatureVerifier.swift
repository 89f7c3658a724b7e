import EvidentGit
import Foundation

/// Verifies commit signatures the way git does: SSH signatures with `ssh-keygen -Y verify`
/// against an allowed-signers file (principal: the committer's email, namespace `git`), OpenPGP
/// ones with `gpg --verify` against the user's keyring.
struct SignatureVerifier {
    /// The allowed-signers file's content, as committed; nil when the program has none.
    let allowedSigners: Data?

    func verify(_ commit: ObjectID, in repository: Repository) throws(RepositoryError) -> Bool {
        guard let (signature, signedData) = try repository.signature(of: commit) else { return false }
        let committer = try repository.commitInfo(commit).committer.email
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evident-verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let signatureFile = folder.appendingPathComponent("signature")
            let dataFile = folder.appendingPathComponent("data")
            try Data(signature.utf8).write(to: signatureFile)
            try signedData.write(to: dataFile)
            if signature.hasPrefix("-----BEGIN SSH SIGNATURE-----") {
                guard let allowedSigners else { return false }
                let signers = folder.appendingPathComponent("allowed_signers")
                try allowedSigners.write(to: signers)
                return run("ssh-keygen", ["-Y", "verify", "-f", signers.path, "-I", committer, "-n", "git", "-s", signatureFile.path], input: dataFile)
            }
            if signature.hasPrefix("-----BEGIN PGP SIGNATURE-----") {
                return run("gpg", ["--batch", "--verify", signatureFile.path, dataFile.path], input: nil)
            }
            return false
        } catch {
            return false
        }
    }

    private func run(_ tool: String, _ arguments: [String], input: URL?) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = input.flatMap { try? FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
