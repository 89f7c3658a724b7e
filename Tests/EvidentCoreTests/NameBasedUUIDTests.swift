import EvidentCore
import Foundation
import Testing

@Suite struct NameBasedUUIDTests {
    static let dnsNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    @Test func sha1KnownVectors() {
        let hex = { (bytes: [UInt8]) in bytes.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined() }
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    /// Python's `uuid.uuid5` is the reference.
    @Test func agreesWithPythonsUUID5() throws {
        #expect(NameBasedUUID.v5("python.org", namespace: Self.dnsNamespace) == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        let names = ["", "evident:finding:F-0123", "é/ü/😀", String(repeating: "x", count: 300)]
        let namespace = "6f1c2e9a-4b7d-4e21-9c35-8a0f5d62b347"
        let script = "import sys, uuid; ns = uuid.UUID(sys.argv[1]); print('\\n'.join(str(uuid.uuid5(ns, n)) for n in sys.argv[2:]))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, namespace] + names
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.split(separator: "\n").map(String.init) == names.map { NameBasedUUID.v5($0) })
    }
}
