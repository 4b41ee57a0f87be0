/** How much each kind of evidence moves an item's score (a title phrase of weight 1 is worth 3). */
export const WEIGHTS = {
  title: 3,
  titleCap: 2,
  body: 0.5,
  bodyUnderGenericTitle: 1,
  elements: 2,
  bodyCap: 4,
  attachment: 1,
  column: 0.8,
  publisher: 0.8,
  negativeTitle: 2.5,
  negativeBody: 0.3,
  notDisclosure: 4,
  otherSubject: 4,
  notSubject: 2,
  newsStyle: 2,
  noTopic: 3,
  titleWithoutTopic: 3,
  headline: 3,
  noDisclosure: 3,
  interpretation: 1,
  noticeTitle: 3,
  documentWithNumber: 0.5,
} as const;

/** Score at which a post is taken to disclose an item. */
export const ACCEPT_SCORE = 2.5;
