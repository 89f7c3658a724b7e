/// The version every record, report and SARIF log names.
public enum EvidentVersion {
    public static let current = "0.3.0"

    /// How records name the tool that wrote them.
    public static var tool: String { "evident \(current)" }
}
