/// Publish approves releases and transforms them through XSLT (issue 6).
public enum UraPublish {}
