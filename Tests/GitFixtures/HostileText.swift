/// Values an attacker would put in a file name, a YAML value, a person's name or a commit's
/// author, for the tests that check no output of Evident can be steered by them.
public enum HostileText {
    public static let samples: [String] = [
        "x\n::error title=pwn::owned",
        "\u{1B}[2J\u{1B}]0;pwn\u{07}red",
        "a|b\n|c|",
        "\"\u{301} onmouseover=alert(1) x=\"",
        "<script>alert(1)</script>",
        "::warning::lead",
        " \u{A0}::notice::indented",
        ":",
        "##[add-mask]secret",
        "`code` [link](http://evil) ![img](x) <b>&amp; $x$ ~~y~~",
        "\u{202E}evil\u{2028}next\u{0}nul\r\ncrlf\u{9B}c1\u{7F}",
        "|\u{301}pipe,\u{301}comma:\u{301}colon%\u{301}0A",
    ]

    /// The samples a file name can hold: no NUL, no `/`.
    public static var fileNames: [String] {
        samples.map { $0.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "/", with: "-") }
    }
}
