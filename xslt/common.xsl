<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parameters and templates for Ura's stylesheets (imported by rss.xsl, html.xsl and
  print.xsl). It declares no <ura:output>, so Ura never runs it on its own.

  Parameters, set by `ura publish` for every transform:
    lang         the language of this output (en, sq), or '' when the output is bilingual
    view         the view named by the <ura:output> declaration
    base-url     the site's absolute URL, ending in '/'
    site-title   the site's name
    build-date   ISO 8601 UTC date-time of the build (SOURCE_DATE_EPOCH, configured, or the newest
                 approval/release date: never the wall clock, so output is reproducible)
    output-path  this output's path below the site root (feeds/en.xml)
    year         the archive year of a per-year output (2019, or undated), else ''
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:x-ura:release:1"
    xmlns:date="http://exslt.org/dates-and-times"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="date str"
    exclude-result-prefixes="r date str">

  <xsl:param name="lang" select="''"/>
  <xsl:param name="view" select="''"/>
  <xsl:param name="base-url" select="'http://localhost:8000/'"/>
  <xsl:param name="site-title" select="'Press releases'"/>
  <xsl:param name="build-date" select="'1970-01-01T00:00:00Z'"/>
  <xsl:param name="output-path" select="''"/>
  <xsl:param name="year" select="''"/>

  <!-- Where pages live below the site root. -->
  <xsl:template name="release-path">
    <xsl:param name="id"/>
    <xsl:param name="language"/>
    <xsl:value-of select="concat($language, '/', $id, '.html')"/>
  </xsl:template>

  <!-- RFC 822 date (RSS): English day and month names in every language, as RSS requires.
       Takes YYYY-MM-DD (midnight UTC) or YYYY-MM-DDThh:mm:ssZ. -->
  <xsl:template name="rfc822">
    <xsl:param name="when"/>
    <xsl:variable name="day" select="substring($when, 1, 10)"/>
    <xsl:variable name="time">
      <xsl:choose>
        <xsl:when test="string-length($when) &gt;= 19"><xsl:value-of select="substring($when, 12, 8)"/></xsl:when>
        <xsl:otherwise>00:00:00</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat(date:day-abbreviation($day), ', ', substring($day, 9, 2), ' ',
                                 date:month-abbreviation($day), ' ', substring($day, 1, 4), ' ', $time, ' +0000')"/>
  </xsl:template>

  <!-- A date for readers: 5 November 2018 / 5 nëntor 2018. The month names are fixed-width
       fields (9 characters, space-padded) picked by substring: no node-set to build per date. A
       month that is not a whole number from 1 to 12 has no name. -->
  <xsl:variable name="human-date-months"
      select="'January  February March    April    May      June     July     August   SeptemberOctober  November December janar    shkurt   mars     prill    maj      qershor  korrik   gusht    shtator  tetor    nëntor   dhjetor  '"/>
  <xsl:template name="human-date">
    <xsl:param name="when"/>
    <xsl:param name="language" select="$lang"/>
    <xsl:variable name="month" select="number(substring($when, 6, 2))"/>
    <xsl:value-of select="concat(number(substring($when, 9, 2)), ' ',
        normalize-space(substring(substring($human-date-months, 1 + 108 * ($language = 'sq'), 108),
                                  ($month - 1) * 9 + 1, 9 * ($month = floor($month)))),
        ' ', substring($when, 1, 4))"/>
  </xsl:template>

  <!-- A place in the reader's language: the corpus keeps the English exonym (Tirana); Albanian
       pages use the Albanian name (Tiranë) for the places the press office writes most. -->
  <xsl:template name="place">
    <xsl:param name="name"/>
    <xsl:param name="language" select="$lang"/>
    <xsl:choose>
      <xsl:when test="not($language = 'sq')"><xsl:value-of select="$name"/></xsl:when>
      <xsl:when test="$name = 'Tirana'">Tiranë</xsl:when>
      <xsl:when test="$name = 'Albania'">Shqipëri</xsl:when>
      <xsl:when test="$name = 'Durres' or $name = 'Durrës'">Durrës</xsl:when>
      <xsl:when test="$name = 'Shkodra' or $name = 'Shkoder'">Shkodër</xsl:when>
      <xsl:when test="$name = 'Vlora' or $name = 'Vlore'">Vlorë</xsl:when>
      <xsl:when test="$name = 'Korca' or $name = 'Korça'">Korçë</xsl:when>
      <xsl:when test="$name = 'Gjirokastra'">Gjirokastër</xsl:when>
      <xsl:when test="$name = 'Kapshtica'">Kapshticë</xsl:when>
      <xsl:when test="$name = 'Kukes' or $name = 'Kukës'">Kukës</xsl:when>
      <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The dateline: Tirana, 5 November 2018 / Tiranë, 5 nëntor 2018. -->
  <xsl:template name="dateline">
    <xsl:param name="release" select="."/>
    <xsl:param name="language" select="$lang"/>
    <xsl:variable name="d" select="$release/r:dateline"/>
    <xsl:if test="$d/@place">
      <xsl:call-template name="place">
        <xsl:with-param name="name" select="$d/@place"/>
        <xsl:with-param name="language" select="$language"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$d/@place and $d/@date">, </xsl:if>
    <xsl:if test="$d/@date">
      <xsl:call-template name="human-date">
        <xsl:with-param name="when" select="$d/@date"/>
        <xsl:with-param name="language" select="$language"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Words of the interface in each language, the most used first (a test per key until one
       matches). -->
  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:param name="language" select="$lang"/>
    <xsl:choose>
      <xsl:when test="$language = 'sq'">
        <xsl:choose>
          <xsl:when test="$key = 'built'">Ndërtuar më</xsl:when>
          <xsl:when test="$key = 'releases'">Njoftime për shtyp</xsl:when>
          <xsl:when test="$key = 'language'">Shqip</xsl:when>
          <xsl:when test="$key = 'other-version'">Lexojeni në shqip</xsl:when>
          <xsl:when test="$key = 'bilingual'">Anglisht dhe shqip</xsl:when>
          <xsl:when test="$key = 'index'">Të gjitha njoftimet</xsl:when>
          <xsl:when test="$key = 'none'">Asnjë njoftim i publikuar ende.</xsl:when>
          <xsl:when test="$key = 'page'">Faqja</xsl:when>
          <xsl:when test="$key = 'of'">nga</xsl:when>
          <xsl:when test="$key = 'archive'">Arkivi</xsl:when>
          <xsl:when test="$key = 'undated'">Pa datë</xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$key = 'built'">Built</xsl:when>
          <xsl:when test="$key = 'releases'">Press releases</xsl:when>
          <xsl:when test="$key = 'language'">English</xsl:when>
          <xsl:when test="$key = 'other-version'">Read it in English</xsl:when>
          <xsl:when test="$key = 'bilingual'">English and Albanian</xsl:when>
          <xsl:when test="$key = 'index'">All press releases</xsl:when>
          <xsl:when test="$key = 'none'">No press release published yet.</xsl:when>
          <xsl:when test="$key = 'page'">Page</xsl:when>
          <xsl:when test="$key = 'of'">of</xsl:when>
          <xsl:when test="$key = 'archive'">Archive</xsl:when>
          <xsl:when test="$key = 'undated'">Undated</xsl:when>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Inline markup as HTML elements (HTML pages). -->
  <xsl:template match="r:em" mode="html"><em><xsl:apply-templates mode="html"/></em></xsl:template>
  <xsl:template match="r:strong" mode="html"><strong><xsl:apply-templates mode="html"/></strong></xsl:template>
  <xsl:template match="r:code" mode="html"><code><xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="r:a" mode="html"><a href="{@href}"><xsl:apply-templates mode="html"/></a></xsl:template>

  <!-- Inline markup as HTML source text (RSS descriptions): the serialiser then escapes it once
       more for XML, so a feed reader decodes XML to HTML and HTML to text, each exactly once. -->
  <xsl:template match="r:p" mode="escaped-html">
    <xsl:text>&lt;p&gt;</xsl:text><xsl:apply-templates mode="escaped-html"/><xsl:text>&lt;/p&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="r:em | r:strong | r:code" mode="escaped-html">
    <xsl:value-of select="concat('&lt;', local-name(), '&gt;')"/>
    <xsl:apply-templates mode="escaped-html"/>
    <xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/>
  </xsl:template>
  <xsl:template match="r:a" mode="escaped-html">
    <xsl:text>&lt;a href="</xsl:text>
    <xsl:call-template name="escape-html"><xsl:with-param name="text" select="@href"/><xsl:with-param name="quotes" select="true()"/></xsl:call-template>
    <xsl:text>"&gt;</xsl:text>
    <xsl:apply-templates mode="escaped-html"/>
    <xsl:text>&lt;/a&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="text()" mode="escaped-html">
    <xsl:call-template name="escape-html"><xsl:with-param name="text" select="."/></xsl:call-template>
  </xsl:template>

  <!-- & < > (and " with quotes) as HTML character references. -->
  <xsl:template name="escape-html">
    <xsl:param name="text"/>
    <xsl:param name="quotes" select="false()"/>
    <xsl:variable name="basic" select="str:replace(str:replace(str:replace(string($text), '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;'), '&gt;', '&amp;gt;')"/>
    <xsl:choose>
      <xsl:when test="$quotes"><xsl:value-of select="str:replace($basic, '&quot;', '&amp;quot;')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$basic"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
