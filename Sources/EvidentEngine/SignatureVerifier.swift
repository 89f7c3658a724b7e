import EvidentCore
import EvidentGit
import Foundation

/// Verifies commit signatures the way git does, and says for whom they verify: SSH signatures
/// with `ssh-keygen -Y` against the committed allowed-signers file (the principals whose key
/// made the signature, namespace `git`), OpenPGP ones with `gpg --verify` against the user's
/// keyring (the email of the user id gpg reports as the good signature's). A good signature by
/// a key that belongs to someone else verifies for them, not for the committer.
struct SignatureVerifier {
    /// The allowed-signers file's content, as committed; nil when the program has none.
    let allowedSigners: Data?

    /// The addresses (lower-cased) the commit's signature verifies for; empty when it is
    /// unsigned or verifies for no one. The signature, the signed data and the allowed signers
    /// are written into `scratch` for the tools to read.
    func signers(of commit: ObjectID, in repository: Repository, scratch: () throws(RepositoryError) -> String) throws(RepositoryError) -> Set<String> {
        guard let (signature, signedData) = try repository.signature(of: commit) else { return [] }
        let folder = URL(fileURLWithPath: try scratch(), isDirectory: true)
        do {
            let signatureFile = folder.appendingPathComponent("signature")
            let dataFile = folder.appendingPathComponent("data")
            try Data(signature.utf8).write(to: signatureFile)
            try signedData.write(to: dataFile)
            if signature.hasPrefix("-----BEGIN SSH SIGNATURE-----") {
                guard let allowedSigners else { return [] }
                let signers = folder.appendingPathComponent("allowed_signers")
                // ssh-keygen reads a byte-order mark as part of the first principal's name.
                try SourceText.normalized(allowedSigners).write(to: signers)
                let (found, principals) = run("ssh-keygen", ["-Y", "find-principals", "-f", signers.path, "-s", signatureFile.path], input: nil)
                guard found else { return [] }
                var verified: Set<String> = []
                for principal in principals.split(separator: "\n").map(String.init) where !principal.isEmpty {
                    let (ok, _) = run("ssh-keygen", ["-Y", "verify", "-f", signers.path, "-I", principal, "-n", "git", "-s", signatureFile.path], input: dataFile)
                    if ok { verified.insert(principal.lowercased()) }
                }
                return verified
            }
            if signature.hasPrefix("-----BEGIN PGP SIGNATURE-----") {
                let (ok, status) = run("gpg", ["--batch", "--status-fd", "1", "--verify", signatureFile.path, dataFile.path], input: nil)
                guard ok else { return [] }
                // `[GNUPG:] GOODSIG <key id> <user id>`: the user id names who signed.
                let goods = status.split(separator: "\n").filter { $0.hasPrefix("[GNUPG:] GOODSIG ") }
                return Set(goods.compactMap { line in
                    guard let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { return nil }
                    return String(line[line.index(after: open)..<close]).lowercased()
                })
            }
            return []
        } catch {
            return []
        }
    }

    /// Runs a tool; its success and standard output.
    private func run(_ tool: String, _ arguments: [String], input: URL?) -> (Bool, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input.flatMap { try? FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (false, "") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: data, as: UTF8.self))
    }
}
