<?xml version="1.0" encoding="UTF-8"?>
<!--
  RSS 2.0: one feed per language, feeds/en.xml and feeds/sq.xml, over the collection of approved
  releases. A release without a text in the feed's language is not in that feed.

  - guid: 'urn:x-ura:<release id>:<lang>', not a permalink, so it never changes once published
    (the id is the bundle folder; moving the site to another base URL keeps every guid);
  - pubDate: the release date at 00:00 UTC, RFC 822 with English names (also in the Albanian feed);
  - lastBuildDate: the build-date parameter;
  - items: the newest $feed-items releases (default 50) with a text in the feed's language: a
    partner polls the feed for what is new, the index pages list everything;
  - description: the paragraphs as HTML, escaped once;
  - atom:link rel="self" to this feed, atom:link rel="alternate" hreflang to the other language's
    feed, and in each item an atom:link to the other language's version of the release.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:x-ura:release:1"
    xmlns:ura="urn:x-ura:publish"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="r ura">

  <xsl:import href="common.xsl"/>

  <!-- A feed reads the newest releases in its language only; keep newest at least $feed-items. -->
  <ura:output input="collection" per-language="yes" newest="50" path="feeds/{lang}.xml"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="feed-items" select="50"/>

  <xsl:variable name="other" select="substring('sqen', 1 + 2 * number($lang = 'sq'), 2)"/>

  <xsl:template match="/r:collection">
    <rss version="2.0">
      <channel>
        <title>
          <xsl:value-of select="$site-title"/>
          <xsl:text> – </xsl:text>
          <xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/></xsl:call-template>
        </title>
        <link><xsl:value-of select="concat($base-url, $lang, '/index.html')"/></link>
        <description>
          <xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/></xsl:call-template>
          <xsl:text> (</xsl:text>
          <xsl:call-template name="label"><xsl:with-param name="key" select="'language'"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </description>
        <language><xsl:value-of select="$lang"/></language>
        <lastBuildDate>
          <xsl:call-template name="rfc822"><xsl:with-param name="when" select="$build-date"/></xsl:call-template>
        </lastBuildDate>
        <atom:link rel="self" type="application/rss+xml" href="{concat($base-url, $output-path)}"/>
        <atom:link rel="alternate" type="application/rss+xml" hreflang="{$other}" href="{concat($base-url, 'feeds/', $other, '.xml')}"/>
        <!-- The collection is newest first. -->
        <xsl:apply-templates select="r:release[r:text[@xml:lang = $lang]][position() &lt;= number($feed-items)]"/>
      </channel>
    </rss>
  </xsl:template>

  <xsl:template match="r:release">
    <xsl:variable name="text" select="r:text[@xml:lang = $lang]"/>
    <xsl:variable name="link">
      <xsl:value-of select="$base-url"/>
      <xsl:call-template name="release-path">
        <xsl:with-param name="id" select="@id"/>
        <xsl:with-param name="language" select="$lang"/>
      </xsl:call-template>
    </xsl:variable>
    <item>
      <title><xsl:value-of select="$text/r:title"/></title>
      <link><xsl:value-of select="$link"/></link>
      <guid isPermaLink="false"><xsl:value-of select="concat('urn:x-ura:', @id, ':', $lang)"/></guid>
      <xsl:if test="r:dateline/@date">
        <pubDate>
          <xsl:call-template name="rfc822"><xsl:with-param name="when" select="r:dateline/@date"/></xsl:call-template>
        </pubDate>
      </xsl:if>
      <description><xsl:apply-templates select="$text/r:p" mode="escaped-html"/></description>
      <xsl:if test="r:text[@xml:lang = $other]">
        <atom:link rel="alternate" type="text/html" hreflang="{$other}">
          <xsl:attribute name="href">
            <xsl:value-of select="$base-url"/>
            <xsl:call-template name="release-path">
              <xsl:with-param name="id" select="@id"/>
              <xsl:with-param name="language" select="$other"/>
            </xsl:call-template>
          </xsl:attribute>
        </atom:link>
      </xsl:if>
    </item>
  </xsl:template>
</xsl:stylesheet>
