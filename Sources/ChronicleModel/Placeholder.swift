import ChronicleTime
/// Articles and events.
public enum ChronicleModelPlaceholder {}
