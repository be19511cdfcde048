<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML5 pages:
  - {lang}/{id}.html: a release in one language, <html lang>, canonical URL and hreflang
    alternates to itself and to the other language's page (when the release has both);
  - bilingual/{id}.html (releases with both languages): English and Albanian side by side, following the
    release's paragraph alignment when it has one (else paragraph i beside paragraph i);
  - {lang}/index.html: the newest 50 releases in that language, newest first, with hreflang
    alternates, then links to the archive pages;
  - {lang}/archive-{year}.html: every release of a year in that language (archive-undated.html for
    releases without a date): a page per year, so that editing one release remakes its year's page
    and not a page listing every release;
  - index.html: the entry page, linking both languages.
  Typography: UTF-8, NFC text (ë and ç are single code points), lang on every element whose
  language differs from the page's so browsers pick hyphenation and quotes per language, and a font
  stack whose fonts all carry the Albanian letters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:x-ura:release:1"
    xmlns:ura="urn:x-ura:publish"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="r ura str">

  <xsl:import href="common.xsl"/>

  <!-- Paragraphs by id, for the bilingual page's beads. -->
  <xsl:key name="paragraph" match="r:p" use="@id"/>

  <ura:output input="release" per-language="yes" path="{lang}/{id}.html" view="release"/>
  <ura:output input="release" path="bilingual/{id}.html" view="bilingual" only="bilingual"/>
  <!-- The index pages read titles and datelines only: the summary collection. -->
  <ura:output input="collection" content="summary" per-language="yes" newest="50" path="{lang}/index.html" view="index"/>
  <ura:output input="collection" content="summary" per-language="yes" per-year="yes" path="{lang}/archive-{year}.html" view="archive"/>
  <ura:output input="collection" content="summary" newest="1" path="index.html" view="home"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="other" select="substring('sqen', 1 + 2 * number($lang = 'sq'), 2)"/>
  <!-- $lang, or en for the bilingual and entry pages; a string, not a result tree fragment (a
       fragment is a document made per transform). -->
  <xsl:variable name="page-lang" select="concat($lang, substring('en', 1, 2 * ($lang = '')))"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$view = 'release'"><xsl:apply-templates select="r:release" mode="release"/></xsl:when>
      <xsl:when test="$view = 'bilingual'"><xsl:apply-templates select="r:release" mode="bilingual"/></xsl:when>
      <xsl:when test="$view = 'index'"><xsl:apply-templates select="r:collection" mode="index"/></xsl:when>
      <xsl:when test="$view = 'archive'"><xsl:apply-templates select="r:collection" mode="archive"/></xsl:when>
      <xsl:when test="$view = 'home'"><xsl:apply-templates select="r:collection" mode="home"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">html.xsl: unknown view '<xsl:value-of select="$view"/>'</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The page around every view, called with the view's node (r:release or r:collection) as
       the context. Its hreflang alternates and its body are made in place by the view's named
       templates, not passed in as result tree fragments: building a fragment and copying it into
       the page costs more than the rest of a release page. -->
  <xsl:template name="page">
    <xsl:param name="title"/>
    <html lang="{$page-lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="canonical" href="{concat($base-url, $output-path)}"/>
        <xsl:choose>
          <xsl:when test="$view = 'release'"><xsl:call-template name="release-alternates"/></xsl:when>
          <xsl:when test="$view = 'index'"><xsl:call-template name="index-alternates"/></xsl:when>
          <xsl:when test="$view = 'archive'"><xsl:call-template name="archive-alternates"/></xsl:when>
        </xsl:choose>
        <link rel="alternate" type="application/rss+xml" href="{concat($base-url, 'feeds/', $page-lang, '.xml')}" title="RSS"/>
        <style>
          body { margin: 0 auto; max-width: 42rem; padding: 1.5rem 1rem 3rem;
                 font-family: "Noto Serif", "DejaVu Serif", "Source Serif Pro", Georgia, serif;
                 font-size: 1.0625rem; line-height: 1.6; color: #1d1d1f; background: #fff;
                 font-kerning: normal; text-rendering: optimizeLegibility; }
          p, li { hyphens: auto; -webkit-hyphens: auto; overflow-wrap: break-word; }
          h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
          header, footer, .dateline, nav { font-family: "Noto Sans", "DejaVu Sans", "Source Sans Pro", Arial, sans-serif; }
          header { font-size: 0.9rem; border-bottom: 1px solid #ddd; padding-bottom: 0.5rem; }
          .dateline { color: #555; font-size: 0.95rem; }
          footer { margin-top: 3rem; font-size: 0.8rem; color: #666; }
          a { color: #0b5394; }
          .bilingual { max-width: 72rem; }
          .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
          .pair > div { min-width: 0; }
          @media (max-width: 40rem) { .pair { grid-template-columns: 1fr; gap: 0.5rem; } }
        </style>
      </head>
      <body>
        <xsl:if test="$view = 'bilingual'"><xsl:attribute name="class">bilingual</xsl:attribute></xsl:if>
        <header>
          <a href="{$base-url}"><xsl:value-of select="$site-title"/></a>
        </header>
        <main>
          <xsl:choose>
            <xsl:when test="$view = 'release'"><xsl:call-template name="release-body"/></xsl:when>
            <xsl:when test="$view = 'bilingual'"><xsl:call-template name="bilingual-body"/></xsl:when>
            <xsl:when test="$view = 'index'"><xsl:call-template name="index-body"/></xsl:when>
            <xsl:when test="$view = 'archive'"><xsl:call-template name="archive-body"/></xsl:when>
            <xsl:when test="$view = 'home'"><xsl:call-template name="home-body"/></xsl:when>
          </xsl:choose>
        </main>
        <footer>
          <xsl:call-template name="label"><xsl:with-param name="key" select="'built'"/><xsl:with-param name="language" select="$page-lang"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <time datetime="{$build-date}">
            <xsl:call-template name="human-date">
              <xsl:with-param name="when" select="$build-date"/>
              <xsl:with-param name="language" select="$page-lang"/>
            </xsl:call-template>
          </time>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="alternate">
    <xsl:param name="language"/>
    <xsl:param name="path"/>
    <link rel="alternate" hreflang="{$language}" href="{concat($base-url, $path)}"/>
  </xsl:template>

  <!-- {lang}/{id}.html -->
  <xsl:template match="r:release" mode="release">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="concat(r:text[@xml:lang = $lang]/r:title, ' – ', $site-title)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="release-alternates">
    <xsl:variable name="id" select="@id"/>
    <xsl:if test="r:text[@xml:lang = $other]">
      <!-- The link "alternate" makes, written in place (a call per link cost more than the link). -->
      <xsl:for-each select="r:text">
        <link rel="alternate" hreflang="{@xml:lang}" href="{concat($base-url, @xml:lang, '/', $id, '.html')}"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="release-body">
    <xsl:variable name="text" select="r:text[@xml:lang = $lang]"/>
    <xsl:variable name="id" select="@id"/>
    <article>
      <h1><xsl:value-of select="$text/r:title"/></h1>
      <p class="dateline"><xsl:call-template name="dateline"/></p>
      <xsl:for-each select="$text/r:p">
        <p id="{@id}"><xsl:apply-templates mode="html"/></p>
      </xsl:for-each>
    </article>
    <nav>
      <xsl:if test="r:text[@xml:lang = $other]">
        <p>
          <a href="{concat('../', $other, '/', $id, '.html')}" hreflang="{$other}" lang="{$other}">
            <xsl:call-template name="label"><xsl:with-param name="key" select="'other-version'"/><xsl:with-param name="language" select="$other"/></xsl:call-template>
          </a>
          <xsl:text> · </xsl:text>
          <a href="{concat('../bilingual/', $id, '.html')}">
            <xsl:call-template name="label"><xsl:with-param name="key" select="'bilingual'"/></xsl:call-template>
          </a>
        </p>
      </xsl:if>
      <p><a href="index.html"><xsl:call-template name="label"><xsl:with-param name="key" select="'index'"/></xsl:call-template></a></p>
    </nav>
  </xsl:template>

  <!-- bilingual/{id}.html -->
  <xsl:template match="r:release" mode="bilingual">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="concat(r:text[1]/r:title, ' – ', $site-title)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="bilingual-body">
    <xsl:variable name="release" select="."/>
    <xsl:variable name="en" select="r:text[@xml:lang = 'en']"/>
    <xsl:variable name="sq" select="r:text[@xml:lang = 'sq']"/>
    <article>
      <div class="pair">
        <div lang="en"><xsl:if test="$en"><h1><xsl:value-of select="$en/r:title"/></h1>
          <p class="dateline"><xsl:call-template name="dateline"><xsl:with-param name="language" select="'en'"/></xsl:call-template></p></xsl:if></div>
        <div lang="sq"><xsl:if test="$sq"><h1><xsl:value-of select="$sq/r:title"/></h1>
          <p class="dateline"><xsl:call-template name="dateline"><xsl:with-param name="language" select="'sq'"/></xsl:call-template></p></xsl:if></div>
      </div>
      <xsl:choose>
        <xsl:when test="r:alignment">
          <xsl:for-each select="r:alignment/r:bead">
            <div class="pair">
              <!-- The paragraphs a bead names (ids separated by spaces), looked up by id rather than
                   by testing every paragraph of the release against every bead. -->
              <div lang="en"><xsl:apply-templates select="key('paragraph', str:tokenize(@en, ' '))" mode="cell"/></div>
              <div lang="sq"><xsl:apply-templates select="key('paragraph', str:tokenize(@sq, ' '))" mode="cell"/></div>
            </div>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <!-- No alignment: paragraph i beside paragraph i, as many rows as the longer side. -->
          <xsl:variable name="longer" select="r:text[not(count(r:p) &lt; count(../r:text/r:p) - count(r:p))][1]"/>
          <xsl:for-each select="$longer/r:p">
            <xsl:variable name="n" select="position()"/>
            <div class="pair">
              <div lang="en"><xsl:apply-templates select="$en/r:p[$n]" mode="cell"/></div>
              <div lang="sq"><xsl:apply-templates select="$sq/r:p[$n]" mode="cell"/></div>
            </div>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </article>
    <nav>
      <p>
        <xsl:for-each select="r:text">
          <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
          <a href="{concat('../', @xml:lang, '/', $release/@id, '.html')}" hreflang="{@xml:lang}" lang="{@xml:lang}">
            <xsl:call-template name="label"><xsl:with-param name="key" select="'language'"/><xsl:with-param name="language" select="@xml:lang"/></xsl:call-template>
          </a>
        </xsl:for-each>
      </p>
    </nav>
  </xsl:template>

  <xsl:template match="r:p" mode="cell">
    <p id="{@id}"><xsl:apply-templates mode="html"/></p>
  </xsl:template>

  <!-- {lang}/index.html -->
  <xsl:template match="r:collection" mode="index">
    <xsl:call-template name="page">
      <xsl:with-param name="title">
        <xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/></xsl:call-template>
        <xsl:value-of select="concat(' – ', $site-title)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="index-alternates">
    <xsl:call-template name="alternate"><xsl:with-param name="language" select="'en'"/><xsl:with-param name="path" select="'en/index.html'"/></xsl:call-template>
    <xsl:call-template name="alternate"><xsl:with-param name="language" select="'sq'"/><xsl:with-param name="path" select="'sq/index.html'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="index-body">
    <h1><xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/></xsl:call-template></h1>
    <xsl:call-template name="release-list"/>
    <xsl:call-template name="archive-links"/>
    <p><a href="{concat('../', $other, '/index.html')}" hreflang="{$other}" lang="{$other}">
      <xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/><xsl:with-param name="language" select="$other"/></xsl:call-template>
    </a></p>
  </xsl:template>

  <!-- The collection's releases in $lang (the document holds only the ones the page lists), or a
       line saying there are none. -->
  <xsl:template name="release-list">
    <xsl:variable name="releases" select="r:release[r:text[@xml:lang = $lang]]"/>
    <xsl:choose>
      <xsl:when test="$releases">
        <ul>
          <xsl:for-each select="$releases">
            <li>
              <a href="{concat(@id, '.html')}"><xsl:value-of select="r:text[@xml:lang = $lang]/r:title"/></a>
              <br/>
              <span class="dateline"><xsl:call-template name="dateline"/></span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="label"><xsl:with-param name="key" select="'none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Links to the archive page of every year with releases in $lang, newest first, with their
       counts; the current year's ($year) is not a link. -->
  <xsl:template name="archive-links">
    <xsl:variable name="years" select="r:archive/r:year[@*[local-name() = $lang]]"/>
    <xsl:if test="$years">
      <nav class="archive">
        <h2><xsl:call-template name="label"><xsl:with-param name="key" select="'archive'"/></xsl:call-template></h2>
        <p>
          <xsl:for-each select="$years">
            <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
            <xsl:variable name="name"><xsl:call-template name="year-name"/></xsl:variable>
            <xsl:choose>
              <xsl:when test="@value = $year"><strong><xsl:value-of select="$name"/></strong></xsl:when>
              <xsl:otherwise><a href="{concat('archive-', @value, '.html')}"><xsl:value-of select="$name"/></a></xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="concat(' (', @*[local-name() = $lang], ')')"/>
          </xsl:for-each>
        </p>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A year of the archive as readers see it: 2019, or "Undated". -->
  <xsl:template name="year-name">
    <xsl:param name="value" select="@value"/>
    <xsl:choose>
      <xsl:when test="$value = 'undated'"><xsl:call-template name="label"><xsl:with-param name="key" select="'undated'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- {lang}/archive-{year}.html -->
  <xsl:template match="r:collection" mode="archive">
    <xsl:variable name="name"><xsl:call-template name="year-name"><xsl:with-param name="value" select="$year"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="page">
      <xsl:with-param name="title">
        <xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/></xsl:call-template>
        <xsl:value-of select="concat(': ', $name, ' – ', $site-title)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="archive-alternates">
    <xsl:for-each select="r:archive/r:year[@value = $year]/@*[local-name() != 'value']">
      <xsl:call-template name="alternate">
        <xsl:with-param name="language" select="local-name()"/>
        <xsl:with-param name="path" select="concat(local-name(), '/archive-', $year, '.html')"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="archive-body">
    <h1>
      <xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="year-name"><xsl:with-param name="value" select="$year"/></xsl:call-template>
    </h1>
    <xsl:call-template name="release-list"/>
    <xsl:call-template name="archive-links"/>
    <p><a href="index.html"><xsl:call-template name="label"><xsl:with-param name="key" select="'index'"/></xsl:call-template></a></p>
  </xsl:template>

  <!-- index.html -->
  <xsl:template match="r:collection" mode="home">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="$site-title"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="home-body">
    <h1><xsl:value-of select="$site-title"/></h1>
    <ul>
      <li><a href="en/index.html" hreflang="en">Press releases in English</a></li>
      <li lang="sq"><a href="sq/index.html" hreflang="sq">Njoftime për shtyp në shqip</a></li>
    </ul>
  </xsl:template>
</xsl:stylesheet>
