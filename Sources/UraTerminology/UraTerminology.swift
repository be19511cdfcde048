/// Terminology reads migration glossaries and checks translations against them (issue 5).
public enum UraTerminology {}
