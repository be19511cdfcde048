/// Align pairs English and Albanian paragraphs and sentences (issue 4).
public enum UraAlign {}
