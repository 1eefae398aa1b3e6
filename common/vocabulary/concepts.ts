/**
 * The one label vocabulary: every thing the product can file a photo under (each class the vision models emit and
 * each keyword concept), with its English and German words and its place in the hierarchy. The library maps
 * keywords, folder names, sidecar text and vision classes into these labels; free text and the skill's
 * interaction models (scripts/generate-interaction-models.ts) read the same words back.
 *
 * Synonyms name the SAME thing, so a keyword that is a synonym gives a label a person would agree the photo shows:
 * "seaside" is a beach, but "hiking" is not a mountain, "party" is not a birthday, "street" is not a city and
 * "sunrise" is not a sunset. Narrower things are their own labels under a parent ("pizza" under food), so a search
 * for the parent finds them and a search for them finds only them.
 */

/**
 * What kind of thing a label is: a seen object, a scene, an event or activity, a group of other labels, or the way
 * the photo was made (a selfie, a panorama: read from the file by ingest/capture-labels.ts, or from a keyword).
 */
export type ConceptKind = 'object' | 'scene' | 'event' | 'group' | 'format';

export interface GermanForms {
  /** The word said back ("Hier sind deine Strandfotos" uses stem; "Strand" is the name). */
  name: string;
  /** Other German words for the same thing, plural included. */
  forms?: readonly string[];
  /** Compound stem: "strand" + "fotos" → "strandfotos". Only where Germans run the word and "Fotos" together. */
  stem?: string;
}

/** A noun said in place of "photo", singular and plural. */
export interface PhotoNoun {
  one: string;
  many: string;
}

/** A German noun for a kind of photo, with the article that tells its gender. */
export type GermanPhotoNoun = PhotoNoun & { article: 'der' | 'die' | 'das' };

export interface Concept {
  /** The library label: lower-case ASCII, as photos carry it and queries ask for it. */
  label: string;
  kind: ConceptKind;
  /** English plural; omitted: the regular plural of the label; false: the label has none ("snow", "sushi"). */
  plural?: string | false;
  /** Other English words (and their plurals) that name exactly this thing. */
  synonyms?: readonly string[];
  /** The English word said before "photos" when the label is a plural ("flower photos", not "flowers photos"). */
  beforePhotos?: string;
  /**
   * A kind of photo with a noun of its own, said instead of "photo" when it is the one subject: "2 selfies", "ein
   * Screenshot", not "2 selfie photos". Singular and plural per language.
   */
  noun?: { en?: PhotoNoun; de?: GermanPhotoNoun };
  /** The broader label a search for it also answers ("dog" → animal). At most one. */
  parent?: string;
  de: GermanForms;
  /**
   * Spoken through the skill's HOLIDAY slot (a date), so the interaction model leaves it out of PhotoSubject:
   * "christmas photos" must be one thing to Alexa, not a label and a holiday at once.
   */
  spokenAsHoliday?: boolean;
}

/** The COCO-80 classes the local detector emits (human's CenterNet), under their own names as labels. */
const COCO_OBJECTS: readonly Concept[] = [
  {
    label: 'person',
    kind: 'object',
    plural: 'people',
    synonyms: ['persons', 'human', 'humans'],
    de: { name: 'Personen', forms: ['person', 'menschen', 'mensch', 'leute'] },
  },
  {
    label: 'bicycle',
    kind: 'object',
    synonyms: ['bike', 'bikes', 'cycle', 'cycles'],
    parent: 'vehicle',
    de: { name: 'Fahrrad', forms: ['fahrräder', 'fahrrädern', 'rad', 'räder', 'rädern'], stem: 'fahrrad' },
  },
  {
    label: 'car',
    kind: 'object',
    synonyms: ['automobile', 'automobiles'],
    parent: 'vehicle',
    de: { name: 'Auto', forms: ['autos', 'wagen', 'pkw'], stem: 'auto' },
  },
  {
    label: 'motorcycle',
    kind: 'object',
    synonyms: ['motorbike', 'motorbikes', 'motor bike', 'motor bikes'],
    parent: 'vehicle',
    de: { name: 'Motorrad', forms: ['motorräder', 'motorrädern'], stem: 'motorrad' },
  },
  {
    label: 'airplane',
    kind: 'object',
    synonyms: ['plane', 'planes', 'aeroplane', 'aeroplanes', 'airplanes'],
    parent: 'vehicle',
    de: { name: 'Flugzeug', forms: ['flugzeuge', 'flugzeugen', 'flieger'], stem: 'flugzeug' },
  },
  {
    label: 'bus',
    kind: 'object',
    parent: 'vehicle',
    de: { name: 'Bus', forms: ['busse', 'bussen'] },
  },
  {
    label: 'train',
    kind: 'object',
    parent: 'vehicle',
    de: { name: 'Zug', forms: ['züge', 'zügen', 'eisenbahn'], stem: 'zug' },
  },
  {
    label: 'truck',
    kind: 'object',
    synonyms: ['lorry', 'lorries'],
    parent: 'vehicle',
    de: { name: 'Lastwagen', forms: ['lkw', 'lkws', 'laster'] },
  },
  {
    label: 'boat',
    kind: 'object',
    synonyms: ['ship', 'ships', 'sailboat', 'sailboats', 'yacht', 'yachts'],
    parent: 'vehicle',
    de: {
      name: 'Boot',
      forms: ['boote', 'booten', 'schiff', 'schiffe', 'schiffen', 'segelboot', 'segelboote'],
      stem: 'boots',
    },
  },
  {
    label: 'traffic light',
    kind: 'object',
    synonyms: ['stoplight', 'stoplights', 'traffic signal', 'traffic signals'],
    de: { name: 'Ampel', forms: ['ampeln'] },
  },
  {
    label: 'fire hydrant',
    kind: 'object',
    synonyms: ['hydrant', 'hydrants'],
    de: { name: 'Hydrant', forms: ['hydranten'] },
  },
  { label: 'stop sign', kind: 'object', de: { name: 'Stoppschild', forms: ['stoppschilder'] } },
  { label: 'parking meter', kind: 'object', de: { name: 'Parkuhr', forms: ['parkuhren'] } },
  { label: 'bench', kind: 'object', de: { name: 'Bank', forms: ['bänke', 'bänken', 'parkbank'] } },
  {
    label: 'bird',
    kind: 'object',
    parent: 'animal',
    de: { name: 'Vögel', forms: ['vogel', 'vögeln'], stem: 'vogel' },
  },
  {
    label: 'cat',
    kind: 'object',
    synonyms: ['kitten', 'kittens', 'kitty'],
    // Cats and dogs are the pets a camera sees: "photos of my pets" finds them (and "animals" still does).
    parent: 'pet',
    de: { name: 'Katze', forms: ['katzen', 'kätzchen', 'kater'], stem: 'katzen' },
  },
  {
    label: 'dog',
    kind: 'object',
    synonyms: ['puppy', 'puppies', 'doggy'],
    parent: 'pet',
    de: { name: 'Hund', forms: ['hunde', 'hunden', 'welpe', 'welpen', 'hündchen'], stem: 'hunde' },
  },
  {
    label: 'horse',
    kind: 'object',
    synonyms: ['pony', 'ponies'],
    parent: 'animal',
    de: { name: 'Pferde', forms: ['pferd', 'pferden', 'pony', 'ponys'], stem: 'pferde' },
  },
  {
    label: 'sheep',
    kind: 'object',
    plural: false,
    synonyms: ['lamb', 'lambs'],
    parent: 'animal',
    de: { name: 'Schafe', forms: ['schaf', 'schafen', 'lamm', 'lämmer', 'lämmern'], stem: 'schaf' },
  },
  {
    label: 'cow',
    kind: 'object',
    synonyms: ['cattle'],
    parent: 'animal',
    de: { name: 'Kühe', forms: ['kuh', 'kühen', 'rind', 'rinder', 'rindern'] },
  },
  {
    label: 'elephant',
    kind: 'object',
    parent: 'wildlife',
    de: { name: 'Elefanten', forms: ['elefant'], stem: 'elefanten' },
  },
  { label: 'bear', kind: 'object', parent: 'wildlife', de: { name: 'Bären', forms: ['bär'] } },
  { label: 'zebra', kind: 'object', parent: 'wildlife', de: { name: 'Zebras', forms: ['zebra'] } },
  { label: 'giraffe', kind: 'object', parent: 'wildlife', de: { name: 'Giraffen', forms: ['giraffe'] } },
  {
    label: 'backpack',
    kind: 'object',
    synonyms: ['rucksack', 'rucksacks'],
    de: { name: 'Rucksack', forms: ['rucksäcke', 'rucksäcken'] },
  },
  { label: 'umbrella', kind: 'object', de: { name: 'Regenschirm', forms: ['regenschirme', 'schirm'] } },
  { label: 'handbag', kind: 'object', de: { name: 'Handtasche', forms: ['handtaschen'] } },
  {
    label: 'tie',
    kind: 'object',
    synonyms: ['necktie', 'neckties'],
    de: { name: 'Krawatte', forms: ['krawatten'] },
  },
  { label: 'suitcase', kind: 'object', de: { name: 'Koffer', forms: ['reisekoffer'] } },
  { label: 'frisbee', kind: 'object', de: { name: 'Frisbee', forms: ['frisbees', 'frisbeescheibe'] } },
  {
    label: 'skis',
    kind: 'object',
    plural: false,
    synonyms: ['ski', 'pair of skis'],
    de: { name: 'Ski', forms: ['skier', 'skibretter'] },
  },
  { label: 'snowboard', kind: 'object', de: { name: 'Snowboard', forms: ['snowboards'] } },
  {
    label: 'sports ball',
    kind: 'object',
    synonyms: ['ball', 'balls'],
    de: { name: 'Ball', forms: ['bälle'] },
  },
  { label: 'kite', kind: 'object', de: { name: 'Drachen', forms: ['drache', 'flugdrachen'] } },
  { label: 'baseball bat', kind: 'object', de: { name: 'Baseballschläger' } },
  { label: 'baseball glove', kind: 'object', synonyms: ['baseball mitt'], de: { name: 'Baseballhandschuh' } },
  { label: 'skateboard', kind: 'object', de: { name: 'Skateboard', forms: ['skateboards'] } },
  { label: 'surfboard', kind: 'object', de: { name: 'Surfbrett', forms: ['surfbretter'] } },
  {
    label: 'tennis racket',
    kind: 'object',
    synonyms: ['tennis racquet', 'tennis racquets'],
    de: { name: 'Tennisschläger' },
  },
  { label: 'bottle', kind: 'object', de: { name: 'Flasche', forms: ['flaschen'] } },
  {
    label: 'wine glass',
    kind: 'object',
    synonyms: ['wineglass', 'wineglasses'],
    de: { name: 'Weinglas', forms: ['weingläser'] },
  },
  {
    label: 'cup',
    kind: 'object',
    synonyms: ['mug', 'mugs'],
    de: { name: 'Tasse', forms: ['tassen', 'becher'] },
  },
  { label: 'fork', kind: 'object', de: { name: 'Gabel', forms: ['gabeln'] } },
  { label: 'knife', kind: 'object', plural: 'knives', de: { name: 'Messer' } },
  { label: 'spoon', kind: 'object', de: { name: 'Löffel' } },
  { label: 'bowl', kind: 'object', de: { name: 'Schüssel', forms: ['schüsseln'] } },
  { label: 'banana', kind: 'object', parent: 'fruit', de: { name: 'Banane', forms: ['bananen'] } },
  { label: 'apple', kind: 'object', parent: 'fruit', de: { name: 'Apfel', forms: ['äpfel', 'äpfeln'] } },
  { label: 'sandwich', kind: 'object', parent: 'food', de: { name: 'Sandwich', forms: ['sandwiches'] } },
  {
    label: 'orange',
    kind: 'object',
    parent: 'fruit',
    de: { name: 'Orange', forms: ['orangen', 'apfelsine'] },
  },
  {
    label: 'broccoli',
    kind: 'object',
    plural: false,
    parent: 'vegetable',
    de: { name: 'Brokkoli' },
  },
  {
    label: 'carrot',
    kind: 'object',
    parent: 'vegetable',
    de: { name: 'Karotte', forms: ['karotten', 'möhre', 'möhren'] },
  },
  {
    label: 'hot dog',
    kind: 'object',
    synonyms: ['hotdog', 'hotdogs'],
    parent: 'food',
    de: { name: 'Hotdog', forms: ['hotdogs'] },
  },
  {
    label: 'pizza',
    kind: 'object',
    parent: 'food',
    de: { name: 'Pizza', forms: ['pizzen', 'pizzas'], stem: 'pizza' },
  },
  {
    label: 'donut',
    kind: 'object',
    synonyms: ['doughnut', 'doughnuts'],
    parent: 'dessert',
    de: { name: 'Donut', forms: ['donuts', 'krapfen'] },
  },
  {
    label: 'cake',
    kind: 'object',
    parent: 'dessert',
    de: { name: 'Kuchen', forms: ['torte', 'torten'], stem: 'kuchen' },
  },
  { label: 'chair', kind: 'object', de: { name: 'Stuhl', forms: ['stühle', 'stühlen'] } },
  {
    label: 'couch',
    kind: 'object',
    synonyms: ['sofa', 'sofas'],
    de: { name: 'Sofa', forms: ['sofas', 'couch'] },
  },
  {
    label: 'potted plant',
    kind: 'object',
    synonyms: ['houseplant', 'houseplants', 'house plant', 'house plants', 'pot plant', 'pot plants'],
    de: { name: 'Topfpflanze', forms: ['topfpflanzen', 'zimmerpflanze', 'zimmerpflanzen'] },
  },
  { label: 'bed', kind: 'object', de: { name: 'Bett', forms: ['betten'] } },
  {
    label: 'dining table',
    kind: 'object',
    synonyms: ['kitchen table', 'kitchen tables'],
    de: { name: 'Esstisch', forms: ['esstische'] },
  },
  { label: 'toilet', kind: 'object', de: { name: 'Toilette', forms: ['toiletten', 'klo'] } },
  {
    label: 'tv',
    kind: 'object',
    synonyms: ['television', 'televisions', 'tv set', 'tv sets'],
    de: { name: 'Fernseher', forms: ['fernsehgerät'] },
  },
  {
    label: 'laptop',
    kind: 'object',
    synonyms: ['laptop computer', 'laptop computers'],
    de: { name: 'Laptop', forms: ['laptops', 'notebook'] },
  },
  {
    label: 'mouse',
    kind: 'object',
    plural: 'mice',
    synonyms: ['computer mouse'],
    de: { name: 'Maus', forms: ['computermaus'] },
  },
  {
    label: 'remote',
    kind: 'object',
    synonyms: ['remote control', 'remote controls'],
    de: { name: 'Fernbedienung', forms: ['fernbedienungen'] },
  },
  { label: 'keyboard', kind: 'object', de: { name: 'Tastatur', forms: ['tastaturen'] } },
  {
    label: 'cell phone',
    kind: 'object',
    // Not "phone": a "Phone" folder or "from my phone" names where photos came from, not what they show.
    synonyms: ['mobile phone', 'mobile phones', 'smartphone', 'smartphones', 'cellphone'],
    de: { name: 'Handy', forms: ['handys', 'smartphone', 'telefon'] },
  },
  {
    label: 'microwave',
    kind: 'object',
    synonyms: ['microwave oven'],
    de: { name: 'Mikrowelle', forms: ['mikrowellen'] },
  },
  { label: 'oven', kind: 'object', de: { name: 'Ofen', forms: ['backofen', 'öfen'] } },
  { label: 'toaster', kind: 'object', de: { name: 'Toaster' } },
  { label: 'sink', kind: 'object', de: { name: 'Spüle', forms: ['waschbecken', 'spülbecken'] } },
  {
    label: 'refrigerator',
    kind: 'object',
    synonyms: ['fridge', 'fridges'],
    de: { name: 'Kühlschrank', forms: ['kühlschränke'] },
  },
  { label: 'book', kind: 'object', de: { name: 'Buch', forms: ['bücher', 'büchern'] } },
  { label: 'clock', kind: 'object', de: { name: 'Uhr', forms: ['uhren', 'wanduhr'] } },
  { label: 'vase', kind: 'object', de: { name: 'Vase', forms: ['vasen'] } },
  {
    label: 'scissors',
    kind: 'object',
    plural: false,
    synonyms: ['pair of scissors'],
    de: { name: 'Schere', forms: ['scheren'] },
  },
  {
    label: 'teddy bear',
    kind: 'object',
    synonyms: ['teddy', 'teddies'],
    de: { name: 'Teddybär', forms: ['teddybären', 'teddy', 'teddys'] },
  },
  {
    label: 'hair drier',
    kind: 'object',
    synonyms: ['hair dryer', 'hair dryers', 'hairdryer', 'hairdryers'],
    de: { name: 'Föhn', forms: ['fön', 'haartrockner'] },
  },
  { label: 'toothbrush', kind: 'object', de: { name: 'Zahnbürste', forms: ['zahnbürsten'] } },
];

/** Scenes and events people keyword, file folders by and ask for; some also come from Rekognition's scene labels. */
const SCENES_AND_EVENTS: readonly Concept[] = [
  {
    label: 'beach',
    kind: 'scene',
    synonyms: ['seaside', 'seasides'],
    parent: 'nature',
    de: { name: 'Strand', forms: ['strände', 'stränden', 'sandstrand', 'badestrand'], stem: 'strand' },
  },
  {
    label: 'coast',
    kind: 'scene',
    synonyms: ['coastline', 'coastlines', 'shore', 'shores', 'shoreline', 'shorelines'],
    parent: 'nature',
    de: { name: 'Küste', forms: ['küsten', 'ufer'], stem: 'küsten' },
  },
  {
    label: 'sea',
    kind: 'scene',
    synonyms: ['ocean', 'oceans'],
    parent: 'water',
    de: { name: 'Meer', forms: ['meere', 'meeren', 'ozean', 'ozeane', 'ozeanen'], stem: 'meer' },
  },
  {
    label: 'lake',
    kind: 'scene',
    parent: 'water',
    de: { name: 'See', forms: ['seen', 'bergsee'], stem: 'see' },
  },
  {
    label: 'river',
    kind: 'scene',
    parent: 'water',
    de: { name: 'Fluss', forms: ['flüsse', 'flüssen'], stem: 'fluss' },
  },
  {
    label: 'stream',
    kind: 'scene',
    synonyms: ['creek', 'creeks', 'brook', 'brooks'],
    parent: 'water',
    de: { name: 'Bach', forms: ['bäche', 'bächen'] },
  },
  {
    label: 'pond',
    kind: 'scene',
    parent: 'water',
    de: { name: 'Teich', forms: ['teiche', 'teichen', 'weiher'] },
  },
  {
    label: 'waterfall',
    kind: 'scene',
    parent: 'water',
    de: { name: 'Wasserfall', forms: ['wasserfälle', 'wasserfällen'], stem: 'wasserfall' },
  },
  {
    label: 'mountain',
    kind: 'scene',
    synonyms: ['peak', 'peaks', 'summit', 'summits'],
    parent: 'nature',
    de: { name: 'Berge', forms: ['berg', 'bergen', 'gebirge', 'gipfel', 'gipfeln'], stem: 'berg' },
  },
  {
    label: 'forest',
    kind: 'scene',
    synonyms: ['woods', 'woodland', 'woodlands', 'jungle', 'jungles'],
    parent: 'nature',
    de: { name: 'Wald', forms: ['wälder', 'wäldern'], stem: 'wald' },
  },
  {
    label: 'tree',
    kind: 'scene',
    parent: 'nature',
    de: { name: 'Bäume', forms: ['baum', 'bäumen'], stem: 'baum' },
  },
  {
    label: 'flowers',
    kind: 'scene',
    plural: false,
    beforePhotos: 'flower',
    synonyms: ['flower', 'blossom', 'blossoms', 'bloom', 'blooms'],
    parent: 'nature',
    de: { name: 'Blumen', forms: ['blume', 'blüte', 'blüten'], stem: 'blumen' },
  },
  {
    label: 'garden',
    kind: 'scene',
    parent: 'nature',
    de: { name: 'Garten', forms: ['gärten'], stem: 'garten' },
  },
  { label: 'park', kind: 'scene', de: { name: 'Park', forms: ['parks', 'stadtpark'] } },
  {
    label: 'landscape',
    kind: 'scene',
    parent: 'nature',
    de: { name: 'Landschaft', forms: ['landschaften'], stem: 'landschafts' },
  },
  { label: 'sky', kind: 'scene', de: { name: 'Himmel', stem: 'himmels' } },
  {
    label: 'snow',
    kind: 'scene',
    plural: false,
    synonyms: ['snowy'],
    parent: 'nature',
    de: { name: 'Schnee', forms: ['verschneit'], stem: 'schnee' },
  },
  {
    label: 'sunset',
    kind: 'scene',
    synonyms: ['sundown', 'sundowns'],
    parent: 'nature',
    de: {
      name: 'Sonnenuntergang',
      forms: ['sonnenuntergänge', 'sonnenuntergängen', 'abendrot'],
      stem: 'sonnenuntergangs',
    },
  },
  {
    label: 'sunrise',
    kind: 'scene',
    synonyms: ['dawn', 'daybreak'],
    parent: 'nature',
    de: {
      name: 'Sonnenaufgang',
      forms: ['sonnenaufgänge', 'sonnenaufgängen', 'morgenrot'],
      stem: 'sonnenaufgangs',
    },
  },
  // The sun's light (labels/sun/): given where the sun at the capture instant and the picture's colours agree.
  {
    label: 'golden hour',
    kind: 'scene',
    plural: false,
    synonyms: ['magic hour'],
    parent: 'nature',
    de: { name: 'Goldene Stunde', forms: ['goldenen stunde'] },
  },
  {
    label: 'blue hour',
    kind: 'scene',
    plural: false,
    parent: 'nature',
    de: { name: 'Blaue Stunde', forms: ['blauen stunde'] },
  },
  {
    label: 'night',
    kind: 'scene',
    synonyms: ['night time', 'nighttime', 'night shot', 'night shots'],
    de: { name: 'Nacht', forms: ['nächte', 'nachts', 'nachtaufnahme', 'nachtaufnahmen'], stem: 'nacht' },
  },
  {
    label: 'city',
    kind: 'scene',
    synonyms: ['skyline', 'skylines', 'cityscape', 'cityscapes', 'downtown'],
    de: { name: 'Stadt', forms: ['städte', 'städten', 'skyline', 'innenstadt', 'großstadt'], stem: 'stadt' },
  },
  { label: 'street', kind: 'scene', de: { name: 'Straße', forms: ['straßen', 'gasse', 'gassen'] } },
  {
    label: 'food',
    kind: 'group',
    plural: false,
    synonyms: ['meal', 'meals'],
    de: { name: 'Essen', forms: ['mahlzeit', 'mahlzeiten', 'gerichte'], stem: 'essens' },
  },
  {
    label: 'fruit',
    kind: 'group',
    synonyms: ['fruits'],
    plural: false,
    parent: 'food',
    de: { name: 'Obst', forms: ['früchte', 'frucht'] },
  },
  {
    label: 'vegetable',
    kind: 'group',
    synonyms: ['veggies', 'veg'],
    parent: 'food',
    de: { name: 'Gemüse' },
  },
  {
    label: 'dessert',
    kind: 'group',
    synonyms: ['pudding'],
    parent: 'food',
    de: { name: 'Nachtisch', forms: ['nachspeise', 'dessert', 'desserts'] },
  },
  { label: 'pasta', kind: 'object', plural: false, parent: 'food', de: { name: 'Nudeln', forms: ['pasta'] } },
  { label: 'sushi', kind: 'object', plural: false, parent: 'food', de: { name: 'Sushi' } },
  {
    label: 'burger',
    kind: 'object',
    synonyms: ['hamburger', 'hamburgers'],
    parent: 'food',
    de: { name: 'Burger', forms: ['hamburger'] },
  },
  { label: 'breakfast', kind: 'event', parent: 'food', de: { name: 'Frühstück', stem: 'frühstücks' } },
  {
    label: 'eagle',
    kind: 'object',
    synonyms: ['bald eagle', 'bald eagles', 'golden eagle', 'golden eagles'],
    parent: 'bird',
    de: { name: 'Adler', forms: ['adlern', 'weißkopfseeadler', 'seeadler', 'steinadler'], stem: 'adler' },
  },
  { label: 'dinner', kind: 'event', parent: 'food', de: { name: 'Abendessen', forms: ['abendbrot'] } },
  {
    label: 'coffee',
    kind: 'object',
    plural: 'coffees',
    parent: 'drink',
    de: { name: 'Kaffee', forms: ['kaffees'], stem: 'kaffee' },
  },
  {
    label: 'rocket',
    kind: 'object',
    de: { name: 'Raketen', forms: ['rakete'], stem: 'raketen' },
  },
  {
    label: 'astronaut',
    kind: 'object',
    parent: 'person',
    de: { name: 'Astronauten', forms: ['astronaut', 'astronautin', 'astronautinnen', 'raumfahrer'] },
  },
  {
    label: 'photographer',
    kind: 'object',
    parent: 'person',
    de: { name: 'Fotografen', forms: ['fotograf', 'fotografin', 'fotografinnen'] },
  },
  {
    label: 'hiking',
    kind: 'event',
    plural: false,
    synonyms: ['hike', 'hikes', 'trekking'],
    de: { name: 'Wandern', forms: ['wanderung', 'wanderungen', 'wanderausflug'], stem: 'wander' },
  },
  {
    label: 'skiing',
    kind: 'event',
    plural: false,
    synonyms: ['ski trip', 'ski trips', 'skiing holiday', 'ski holiday'],
    de: { name: 'Skifahren', forms: ['skiurlaub', 'ski fahren'], stem: 'skiurlaubs' },
  },
  {
    label: 'birthday',
    kind: 'event',
    synonyms: ['birthday party', 'birthday parties'],
    parent: 'celebration',
    de: {
      name: 'Geburtstag',
      forms: ['geburtstage', 'geburtstagen', 'geburtstagsfeier', 'geburtstagsfeiern', 'geburtstagsparty'],
      stem: 'geburtstags',
    },
  },
  {
    label: 'party',
    kind: 'event',
    parent: 'celebration',
    de: { name: 'Party', forms: ['partys', 'fete'], stem: 'party' },
  },
  {
    label: 'wedding',
    kind: 'event',
    parent: 'celebration',
    de: { name: 'Hochzeit', forms: ['hochzeiten', 'trauung'], stem: 'hochzeits' },
  },
  {
    label: 'graduation',
    kind: 'event',
    parent: 'celebration',
    de: { name: 'Abschlussfeier', forms: ['abschlussfeiern', 'zeugnisübergabe'] },
  },
  {
    label: 'anniversary',
    kind: 'event',
    parent: 'celebration',
    de: { name: 'Jahrestag', forms: ['jahrestage', 'hochzeitstag'] },
  },
  {
    label: 'christmas',
    kind: 'event',
    plural: false,
    parent: 'celebration',
    spokenAsHoliday: true,
    de: { name: 'Weihnachten' },
  },
  {
    label: 'halloween',
    kind: 'event',
    plural: false,
    parent: 'celebration',
    spokenAsHoliday: true,
    de: { name: 'Halloween' },
  },
  {
    label: 'easter',
    kind: 'event',
    plural: false,
    parent: 'celebration',
    spokenAsHoliday: true,
    de: { name: 'Ostern' },
  },
  {
    label: 'family',
    kind: 'scene',
    de: { name: 'Familie', forms: ['familien', 'verwandte'], stem: 'familien' },
  },
  { label: 'baby', kind: 'object', de: { name: 'Baby', forms: ['babys', 'säugling'], stem: 'baby' } },
  {
    label: 'pet',
    kind: 'group',
    parent: 'animal',
    de: { name: 'Haustiere', forms: ['haustier', 'haustieren'], stem: 'haustier' },
  },
];

/** Broader labels: search words that also answer for every label under them ("animals" finds dogs and cats). */
const GROUPS: readonly Concept[] = [
  {
    label: 'animal',
    kind: 'group',
    synonyms: ['pets and animals'],
    de: { name: 'Tiere', forms: ['tier', 'tieren'], stem: 'tier' },
  },
  {
    label: 'wildlife',
    kind: 'group',
    plural: false,
    synonyms: ['wild animals'],
    parent: 'animal',
    de: { name: 'Wildtiere', forms: ['wildtier', 'wildtieren', 'tierwelt'] },
  },
  {
    label: 'nature',
    kind: 'group',
    plural: false,
    synonyms: ['outdoors', 'scenery'],
    de: { name: 'Natur', forms: ['in der natur'], stem: 'natur' },
  },
  {
    label: 'water',
    kind: 'group',
    plural: false,
    parent: 'nature',
    de: { name: 'Wasser', forms: ['gewässer'] },
  },
  {
    label: 'celebration',
    kind: 'group',
    synonyms: ['festivities'],
    de: { name: 'Feiern', forms: ['feier', 'feste', 'fest'], stem: 'feier' },
  },
  {
    label: 'vehicle',
    kind: 'group',
    de: { name: 'Fahrzeuge', forms: ['fahrzeug', 'fahrzeugen'] },
  },
  {
    label: 'drink',
    kind: 'group',
    synonyms: ['beverage', 'beverages'],
    de: { name: 'Getränke', forms: ['getränk', 'getränken'], stem: 'getränke' },
  },
];

/** How a photo was made rather than what it shows; ingest files them from the file's own facts, keywords too. */
const PHOTO_FORMATS: readonly Concept[] = [
  {
    label: 'selfie',
    kind: 'format',
    noun: { en: { one: 'selfie', many: 'selfies' }, de: { one: 'Selfie', many: 'Selfies', article: 'das' } },
    de: { name: 'Selfies', forms: ['selfie'], stem: 'selfie' },
  },
  {
    label: 'panorama',
    kind: 'format',
    noun: {
      en: { one: 'panorama', many: 'panoramas' },
      de: { one: 'Panorama', many: 'Panoramen', article: 'das' },
    },
    synonyms: ['panoramic', 'pano', 'panos', 'photo sphere', 'photo spheres', 'photosphere', 'photospheres'],
    de: {
      name: 'Panoramen',
      forms: ['panorama', 'panoramas', 'panoramaaufnahme', 'panoramaaufnahmen'],
      stem: 'panorama',
    },
  },
  {
    label: 'screenshot',
    kind: 'format',
    noun: {
      en: { one: 'screenshot', many: 'screenshots' },
      de: { one: 'Screenshot', many: 'Screenshots', article: 'der' },
    },
    synonyms: [
      'screen shot',
      'screen shots',
      'screen capture',
      'screen captures',
      'screengrab',
      'screengrabs',
      'screen grab',
      'screen grabs',
    ],
    de: {
      name: 'Screenshots',
      forms: ['screenshot', 'bildschirmfoto', 'bildschirmfotos', 'bildschirmaufnahme', 'bildschirmaufnahmen'],
    },
  },
  {
    label: 'live photo',
    kind: 'format',
    noun: {
      en: { one: 'live photo', many: 'live photos' },
      de: { one: 'Live Photo', many: 'Live Photos', article: 'das' },
    },
    // Alexa hears "show my live photos" with "live" alone in the subject slot, beside "photos".
    synonyms: ['live', 'motion photo', 'motion photos', 'moving photo', 'moving photos'],
    de: {
      name: 'Live Photos',
      forms: ['live photo', 'live foto', 'live fotos', 'bewegte fotos', 'bewegtes foto'],
    },
  },
  {
    label: 'black and white',
    kind: 'format',
    plural: false,
    noun: { de: { one: 'Schwarzweißfoto', many: 'Schwarzweißfotos', article: 'das' } },
    // "b. w." is how the keyword "B&W" reads once punctuation is gone ("b w"), in the letters Alexa hears.
    synonyms: ['black white', 'b. w.', 'monochrome', 'greyscale', 'grayscale'],
    de: {
      name: 'Schwarzweiß',
      forms: ['schwarz weiß', 'schwarzweiss', 'schwarz weiss', 'monochrom'],
      stem: 'schwarzweiß',
    },
  },
];

export const CONCEPTS: readonly Concept[] = [
  ...COCO_OBJECTS,
  ...SCENES_AND_EVENTS,
  ...GROUPS,
  ...PHOTO_FORMATS,
];

/** The COCO classes as the local detector names them (each is also a label above). */
export const COCO_CLASSES: readonly string[] = COCO_OBJECTS.map((concept) => concept.label);

/**
 * Vocabulary words that ordinary prose and folder names use for something else ("orange sky", "had a ball", "tie the
 * knot", "a fork in the road", "live stream", "the summit", "Teddy"): a keyword or tag with the word names the
 * thing, but a word in a description, title or folder name must not file a photo under it.
 */
export const AMBIGUOUS_IN_PROSE: readonly string[] = [
  'orange',
  'oranges',
  'apple',
  'apples',
  'tie',
  'ties',
  'ball',
  'balls',
  'book',
  'books',
  'bench',
  'bear',
  'bears',
  'mouse',
  'remote',
  'sink',
  'cup',
  'cups',
  'bowl',
  'fork',
  'train',
  'trains',
  'stream',
  'streams',
  'peak',
  'peaks',
  'summit',
  'summits',
  'keyboard',
  'dawn',
  'cycle',
  'cycles',
  'lamb',
  'lambs',
  'teddy',
  'kitty',
  // "live music", "where we live".
  'live',
  // "a black and white cat": the cat's colours, not the photo's.
  'black and white',
  'black white',
  'schwarz weiß',
  'schwarz weiss',
];
