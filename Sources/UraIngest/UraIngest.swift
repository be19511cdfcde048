/// Ingest turns scraped press-release pages into corpus bundles (issue 3).
public enum UraIngest {}
