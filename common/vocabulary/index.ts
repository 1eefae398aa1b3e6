export {
  AMBIGUOUS_IN_PROSE,
  CONCEPTS,
  COCO_CLASSES,
  type Concept,
  type ConceptKind,
  type GermanForms,
  type GermanPhotoNoun,
  type PhotoNoun,
} from './concepts';
export { normalizeWords, regularPlural, singularForms } from './normalize';
export {
  canonicalLabel,
  conceptOf,
  englishBeforePhotos,
  englishWordsOf,
  germanLabel,
  germanLabelInAnyText,
  germanNameOf,
  germanWordsOf,
  labelForWord,
  labelInProse,
  photoNounOf,
  type VocabularyLanguage,
} from './words';
export { ancestorsOf, expandLabelForSearch, searchLabelFor } from './hierarchy';
export { isSelfWord } from './self-words';
