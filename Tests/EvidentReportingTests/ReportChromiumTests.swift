@testable import EvidentCore
import EvidentReporting
import Foundation
import GitFixtures
import Testing

/// report.html of the fixed record (`ReportFixture`) in a real browser, Debian's headless
/// Chromium: a screenshot at 1400 px whose pixels show the daily calendar, and the page
/// printed to PDF on A4 and on Letter with every section and every folded finding in it.
///
/// `EVIDENT_REPORT_ARTIFACTS=<folder>` keeps the page, the screenshot and the PDFs there: the
/// README's screenshot (docs/images/report.png) is that folder's report.png.
@Suite(.serialized) struct ReportChromiumTests {
    static let sections = ["Summary", "Controls", "Findings, by severity and subject", "Findings of the last committed run of this cycle",
                           "Samples and the tester's conclusions", "Interviews", "Policies and their proven approvals", "Criteria coverage"]

    @Test func screenshotAt1400Pixels() throws {
        let folder = try TemporaryDirectory()
        let page = try Self.write(ReportFixture.record, to: folder, as: "report.html")
        let shot = try Chromium.screenshot(page, width: 1400, height: 2000, in: folder)
        let image = try PNGPixels.read(shot)
        #expect(image.width == 1400 && image.height == 2000)
        #expect(image.distinctColours > 100, "a page with text and timelines, not a blank one: \(image.distinctColours) colours")
        Self.keep([page, shot])
    }

    /// The daily calendar is drawn: its on-time and missing days cover the area their cells
    /// should, where cells that share out a width collapse to nothing.
    @Test func dailyCalendarIsDrawn() throws {
        var record = ReportFixture.record
        record.controls = record.controls.filter { $0.frequency == .daily }
        (record.findings, record.due, record.followUp) = ([], [], [])
        let folder = try TemporaryDirectory()
        let page = try Self.write(record, to: folder, as: "daily.html")
        let image = try PNGPixels.read(try Chromium.screenshot(page, width: 1400, height: 1400, in: folder))
        let days = record.controls[0].periods
        // A cell is 10 × 10 pixels with rounded corners; count at least 60 % of each.
        for (state, colour) in [(PeriodResult.State.onTime, "2e9d5b"), (.missing, "d6334a")] {
            let count = days.filter { $0.state == state }.count
            #expect(image.counts[colour, default: 0] >= count * 60, "\(state): \(image.counts[colour, default: 0]) pixels for \(count) days")
        }
    }

    /// Printed on A4 and on Letter: a page of that size, every section's heading in the PDF's
    /// outline, and the page count the content needs.
    @Test(arguments: [("A4", 595.0, 842.0), ("letter", 612.0, 792.0)])
    func printsToPDF(size: String, width: Double, height: Double) throws {
        let folder = try TemporaryDirectory()
        let page = try Self.write(ReportFixture.record, to: folder, as: "report-\(size).html", pageSize: size)
        let pdf = try PDFFacts.read(try Chromium.printToPDF(page, in: folder))
        #expect(pdf.pages >= 2, "\(pdf.pages) pages")
        #expect(!pdf.mediaBoxes.isEmpty && pdf.mediaBoxes.allSatisfy { abs($0[0] - width) < 1 && abs($0[1] - height) < 1 }, "\(pdf.mediaBoxes.prefix(3))")
        for section in Self.sections { #expect(pdf.outline.contains(section), "\(section) in \(pdf.outline)") }
        Self.keep([page, folder.path("report-\(size).pdf")])
    }

    /// Folded findings print unfolded: a page with many low findings, folded, prints on as many
    /// pages as with every group opened, and on more than without them.
    @Test func foldedFindingsPrintUnfolded() throws {
        var record = ReportFixture.record
        record.findings += (0..<80).map { n in
            ReportFixture.finding(100 + n, "EVID-PARTIAL-POPULATION", .low, "MO-02", owner: "alice",
                                  message: "note \(n) on a period before MO-02 started operating, long enough to fill a line of the table when printed")
        }
        let folder = try TemporaryDirectory()
        let folded = try RecordHTMLRenderer().string(record)
        #expect(folded.contains("<details class=\"severity\"><summary><span class=\"sev-low\">"), "the low group is folded")
        let opened = folded.replacingOccurrences(of: "<details class=\"severity\">", with: "<details class=\"severity\" open>")
        var without = record
        without.findings.removeAll { $0.severity == .low }
        var pages: [Int] = []
        for (name, html) in [("folded", folded), ("opened", opened), ("without", try RecordHTMLRenderer().string(without))] {
            let file = folder.path("\(name).html")
            try Data(html.utf8).write(to: file)
            pages.append(try PDFFacts.read(try Chromium.printToPDF(file, in: folder)).pages)
        }
        #expect(pages[0] == pages[1] && pages[0] > pages[2], "folded, opened, without: \(pages)")
    }

    /// The README shows a screenshot made by `screenshotAt1400Pixels`, small enough to keep in the repository.
    @Test func readmeShowsAScreenshot() throws {
        let top = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = String(decoding: try Data(contentsOf: top.appendingPathComponent("README.md")), as: UTF8.self)
        #expect(readme.contains("](docs/images/report.png)"))
        let file = top.appendingPathComponent("docs/images/report.png")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        #expect(size < 300_000, "\(size) bytes")
        let image = try PNGPixels.read(file)
        #expect(image.width == 1400 && image.distinctColours > 100)
    }

    // MARK: Helpers

    static func write(_ record: AuditRecord, to folder: TemporaryDirectory, as name: String, pageSize: String? = nil) throws -> URL {
        var html = try RecordHTMLRenderer().string(record)
        if let pageSize { html = html.replacingOccurrences(of: "</style></head>", with: "@page{size:\(pageSize)}\n</style></head>") }
        let file = folder.path(name)
        try Data(html.utf8).write(to: file)
        return file
    }

    /// Copies `files` into `EVIDENT_REPORT_ARTIFACTS`, when it is set.
    static func keep(_ files: [URL]) {
        guard let target = ProcessInfo.processInfo.environment["EVIDENT_REPORT_ARTIFACTS"] else { return }
        let folder = URL(fileURLWithPath: target)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            let destination = folder.appendingPathComponent(file.lastPathComponent)
            try? FileManager.default.removeItem(at: destination)
            try? FileManager.default.copyItem(at: file, to: destination)
        }
    }
}

/// Debian's headless Chromium, run on a page file.
enum Chromium {
    static let options = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"]

    static func run(_ arguments: [String], in folder: TemporaryDirectory) throws {
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["chromium"] + options + arguments, in: folder.url)
        guard result.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "chromium exited \(result.status): \(String(decoding: result.standardError, as: UTF8.self))"])
        }
    }

    static func screenshot(_ page: URL, width: Int, height: Int, in folder: TemporaryDirectory) throws -> URL {
        let shot = page.deletingPathExtension().appendingPathExtension("png")
        try run(["--window-size=\(width),\(height)", "--screenshot=\(shot.path)", page.absoluteString], in: folder)
        return shot
    }

    static func printToPDF(_ page: URL, in folder: TemporaryDirectory) throws -> URL {
        let pdf = page.deletingPathExtension().appendingPathExtension("pdf")
        try run(["--no-pdf-header-footer", "--generate-pdf-document-outline", "--print-to-pdf=\(pdf.path)", page.absoluteString], in: folder)
        return pdf
    }
}

/// A PNG's size and pixel colours, decoded with Python's zlib (8-bit RGB or RGBA, the five
/// PNG filters): how many distinct colours, and how many pixels of each.
struct PNGPixels: Decodable {
    var width: Int
    var height: Int
    var distinctColours: Int
    /// Pixels by colour, `rrggbb`.
    var counts: [String: Int]

    static let script = """
        import sys, zlib, struct, json, collections
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "not a PNG"
        pos, idat = 8, b""
        while pos < len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b"IHDR": width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if kind == b"IDAT": idat += body
            pos += 12 + length
        assert depth == 8 and colour in (2, 6), "8-bit RGB or RGBA"
        bpp = 3 if colour == 2 else 4
        raw, stride = zlib.decompress(idat), width * bpp
        previous, counts, i = bytearray(stride), collections.Counter(), 0
        for _ in range(height):
            kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
            i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = previous[x]
                c = previous[x - bpp] if x >= bpp else 0
                if kind == 1: line[x] = (line[x] + a) & 255
                elif kind == 2: line[x] = (line[x] + b) & 255
                elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            counts.update(bytes(line[x:x + 3]).hex() for x in range(0, stride, bpp))
            previous = line
        print(json.dumps({"width": width, "height": height, "distinctColours": len(counts), "counts": counts}))
        """

    static func read(_ file: URL) throws -> PNGPixels {
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script, file.path], in: URL(fileURLWithPath: "/"))
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: String(decoding: result.standardError, as: UTF8.self)]) }
        return try JSONDecoder().decode(PNGPixels.self, from: result.standardOutput)
    }
}

/// What a PDF says about itself, read with Python's zlib: its pages, their media boxes
/// (width, height in points) and the titles of its outline (the headings, with Chromium's
/// `--generate-pdf-document-outline`), from plain and compressed objects alike.
struct PDFFacts: Decodable {
    var pages: Int
    var mediaBoxes: [[Double]]
    var outline: [String]

    static let script = """
        import sys, re, zlib, json
        data = open(sys.argv[1], "rb").read()
        assert data[:5] == b"%PDF-", "not a PDF"
        chunks = [data]
        for match in re.finditer(rb"stream\\r?\\n", data):
            end = data.find(b"endstream", match.end())
            try: chunks.append(zlib.decompress(data[match.end():end].rstrip(b"\\r\\n")))
            except Exception: pass
        text = b"\\n".join(chunks)
        pages = len(re.findall(rb"/Type\\s*/Page(?![a-z])", text))
        boxes = [[float(x2) - float(x1), float(y2) - float(y1)] for x1, y1, x2, y2 in
                 re.findall(rb"/MediaBox\\s*\\[\\s*([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s*\\]", text)]
        def decode(raw, hexadecimal):
            if hexadecimal:
                raw = bytes.fromhex(raw.decode())
            else:
                raw = re.sub(rb"\\\\([\\\\()])", rb"\\1", raw)
            return raw[2:].decode("utf-16-be") if raw[:2] == b"\\xfe\\xff" else raw.decode("latin-1")
        titles = [decode(h, True) if h else decode(l, False) for h, l in re.findall(rb"/Title\\s*(?:<([0-9A-Fa-f]*)>|\\(((?:[^()\\\\]|\\\\.)*)\\))", text)]
        print(json.dumps({"pages": pages, "mediaBoxes": boxes, "outline": titles}))
        """

    static func read(_ file: URL) throws -> PDFFacts {
        let result = try Process.capture(executable: "/usr/bin/env", arguments: ["python3", "-c", script, file.path], in: URL(fileURLWithPath: "/"))
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: String(decoding: result.standardError, as: UTF8.self)]) }
        return try JSONDecoder().decode(PDFFacts.self, from: result.standardOutput)
    }
}
