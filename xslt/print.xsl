<?xml version="1.0" encoding="UTF-8"?>
<!--
  XSL-FO for the print shop: print/{id}.fo per release, rendered to print/{id}.pdf by Apache FOP
  with `ura publish` and its pdf flag.
  A4 portrait, 2 cm margins; a running header (site title and the release's English title, or its
  only title), page numbers "Page n of N / Faqja n nga N" in the footer; the English text, then the
  Albanian text on a new page, each opened by its title and dateline. English is hyphenated with
  FOP's English patterns; Albanian is not hyphenated (FOP ships no Albanian patterns).
  Fonts: FOP's built-in Helvetica/Times, which carry ë, ç, “ ” and ’.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:x-ura:release:1"
    xmlns:ura="urn:x-ura:publish"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    exclude-result-prefixes="r ura">

  <xsl:import href="common.xsl"/>

  <ura:output input="release" path="print/{id}.fo" view="print" render="pdf"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/r:release">
    <xsl:variable name="main" select="(r:text[@xml:lang = 'en'] | r:text)[1]"/>
    <fo:root xml:lang="{$main/@xml:lang}" font-family="Times" font-size="11pt" line-height="1.4">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="A4" page-height="29.7cm" page-width="21cm"
            margin-top="1.2cm" margin-bottom="1.2cm" margin-left="2cm" margin-right="2cm">
          <fo:region-body margin-top="1.5cm" margin-bottom="1.5cm"/>
          <fo:region-before extent="1cm"/>
          <fo:region-after extent="1cm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title><xsl:value-of select="$main/r:title"/></dc:title>
              <dc:language><xsl:value-of select="$main/@xml:lang"/></dc:language>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:page-sequence master-reference="A4">
        <fo:static-content flow-name="xsl-region-before">
          <fo:block font-family="Helvetica" font-size="8.5pt" color="#555555" text-align-last="justify"
              border-bottom="0.5pt solid #999999" padding-bottom="2pt">
            <xsl:value-of select="$site-title"/>
            <fo:leader leader-pattern="space"/>
            <xsl:value-of select="$main/r:title"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-family="Helvetica" font-size="8.5pt" color="#555555" text-align="center">
            <xsl:text>Page </xsl:text><fo:page-number/><xsl:text> of </xsl:text><fo:page-number-citation ref-id="end-of-release"/>
            <fo:inline xml:lang="sq"><xsl:text> · Faqja </xsl:text><fo:page-number/><xsl:text> nga </xsl:text><fo:page-number-citation ref-id="end-of-release"/></fo:inline>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:apply-templates select="r:text"/>
          <fo:block id="end-of-release"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="r:text">
    <fo:block xml:lang="{@xml:lang}">
      <xsl:if test="position() &gt; 1"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <xsl:if test="@xml:lang = 'en'">
        <xsl:attribute name="hyphenate">true</xsl:attribute>
        <xsl:attribute name="language">en</xsl:attribute>
      </xsl:if>
      <fo:block font-family="Helvetica" font-size="8.5pt" font-weight="bold" color="#0b5394"
          letter-spacing="0.5pt" space-after="4pt" hyphenate="false">
        <xsl:call-template name="label"><xsl:with-param name="key" select="'releases'"/><xsl:with-param name="language" select="@xml:lang"/></xsl:call-template>
      </fo:block>
      <fo:block font-family="Helvetica" font-size="17pt" font-weight="bold" line-height="1.2"
          space-after="8pt" hyphenate="false" keep-with-next.within-page="always">
        <xsl:value-of select="r:title"/>
      </fo:block>
      <xsl:if test="../r:dateline">
        <fo:block font-family="Helvetica" font-size="10pt" color="#333333" space-after="12pt" keep-with-next.within-page="always">
          <xsl:call-template name="dateline">
            <xsl:with-param name="release" select=".."/>
            <xsl:with-param name="language" select="@xml:lang"/>
          </xsl:call-template>
        </fo:block>
      </xsl:if>
      <xsl:for-each select="r:p">
        <fo:block id="{@id}" text-align="justify" space-after="8pt" orphans="2" widows="2">
          <xsl:apply-templates mode="fo"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="r:em" mode="fo"><fo:inline font-style="italic"><xsl:apply-templates mode="fo"/></fo:inline></xsl:template>
  <xsl:template match="r:strong" mode="fo"><fo:inline font-weight="bold"><xsl:apply-templates mode="fo"/></fo:inline></xsl:template>
  <xsl:template match="r:code" mode="fo"><fo:inline font-family="Courier"><xsl:value-of select="."/></fo:inline></xsl:template>
  <xsl:template match="r:a" mode="fo">
    <fo:basic-link external-destination="url('{@href}')" color="#0b5394"><xsl:apply-templates mode="fo"/></fo:basic-link>
  </xsl:template>
</xsl:stylesheet>
