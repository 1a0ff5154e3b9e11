import CleanCaptionsFeatures
import LedeCore
import LedeText

/// Gives every paragraph no rule removed a role, from the features of ``RoleModel``, and says what to remove
/// and what to mark in the `structure` layer.
package struct RoleScorer {
    package let model: RoleModel

    /// A scorer that weighs features by `model`.
    package init(model: RoleModel) { self.model = model }

    /// What rules already did to a paragraph.
    package enum Ruled {
        /// Untouched.
        case none
        /// Removed whole as a credit line.
        case credit
        /// Removed (whole or in part) for another reason.
        case other(String)
    }

    /// The scorer's decisions for one document.
    package struct Result {
        package var cuts: [Cut] = []
        package var structure: [Span] = []
    }

    /// Scores the paragraphs; `ruled` has one entry per paragraph.
    ///
    /// The page is read in passes over its paragraphs (``PageReading``), in this order: a pass reads the verdicts and
    /// places the passes before it left.
    package func run(_ b: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], ruled: [Ruled]) -> Result {
        var page = PageReading(b, paragraphs: paragraphs, ruled: ruled, model: model)
        page.markRepeatedCopies()
        page.markAltOverCaption()
        page.markBareLabels()
        page.findReadMoreTeasers()
        page.judgeAlone()
        page.markCutOffTeaserHeadlines()
        page.findCaptionsAbove()
        page.findFirstContent()
        page.findLastBody()
        page.findFirstBody()
        page.collectBylineNames()
        page.judgeWithNeighbours()
        page.applyMarks()
        page.markBodyLike()
        page.readSubheads()
        page.readHeadlineCopies()
        page.findTopBody()
        page.readLabelsAboveText()
        page.readCutOffTeasers()
        page.readVideoTitles()
        page.readSignOffs()
        page.readUnpunctuatedCaptions()
        page.readNamesByStamps()
        page.readLowercaseTags()
        page.readLowercaseTagsBelow()
        page.findTextTop()
        page.readBulletMenu()
        page.readRepeatedSiteName()
        page.readMastheadFirstLine()
        page.readPageHeadline()
        page.reviseHeadline()
        page.readRelatedLabelRuns()
        page.readUnlabelledRun()
        page.readTitlesUnderAges()
        page.readAboutBlocks()
        page.readMasthead()
        page.readHeaderBylines()
        page.readBylineOverStamp()
        page.readPhotoCaptionsOverNames()
        page.readSiteCredits()
        page.readTwiceUnderHeadline()
        page.readTwiceInText()
        page.readGluedCopies()
        page.readKickedCopies()
        page.readAuthorLabels()
        page.readAuthorBios()
        page.readNextFeedItem()
        page.readComments()
        page.readChromeRunBelow()
        page.readTitleRunAtEnd()
        page.readTweetText()
        page.readTeaserLinksInText()
        page.readOtherScript()
        page.readWireTags()
        page.readOutletTags()
        page.readCaptionsUnderHeadline()
        page.readFileCredits()
        page.readCaptionCopiesWithCredit()
        page.readTitleOverByline()
        page.readDatelineUnderHeadline()
        page.readDatelinePair()
        page.readNumericDateFirst()
        page.keepNumberedItems()
        page.readBreadcrumbOverHeadline()
        return page.result()
    }
}
