/**
 * Word lists for the synthetic news corpus (`generateCorpus`): common real news words, which take the
 * frequent ranks, and the parts that generated names and rarer pseudo-words are built from.
 */

const list = (text: string) => text.trim().split(/\s+/);

export const REAL_NOUNS = list(`
government minister ministry parliament election campaign policy budget economy inflation market trade
tariff sanction treaty agreement summit conference meeting negotiation ceasefire border military army
troop missile drone attack protest court trial judge verdict law bill reform tax pension hospital vaccine
outbreak virus school university student teacher farmer harvest drought flood storm earthquake wildfire
climate emission energy pipeline oil gas electricity grid factory worker union wage company bank investor
share currency loan debt deficit port airline airport railway bridge highway housing rent mortgage police
officer investigation report inquiry scandal journalist newspaper broadcaster website privacy hacker
satellite rocket mission scientist study research festival museum exhibition stadium tournament
championship coach player team season council committee agency commission spokesman spokeswoman
official leader president governor mayor senator lawmaker opposition coalition party vote referendum
constitution decree ruling appeal prosecutor lawyer prison detainee refugee migrant asylum aid donor
charity volunteer crisis shortage price fuel grain wheat fertilizer supply demand export import growth
recession unemployment interest rate deal plan proposal program project contract tender license permit
regulation standard safety security defense weapon navy vessel ship crew passenger flight delay strike
accident fire explosion rescue victim witness survey poll analyst economist expert adviser director
manager executive chairman board statement interview speech visit delegation embassy ambassador envoy
talk dispute conflict war peace region province district village town capital city coast island river
valley mountain forest water dam canal road network system service platform technology software device
chip battery vehicle engine license fund grant subsidy pledge target deadline schedule timeline phase
stage round session hearing testimony evidence document record archive memo letter email message
`);

/** Regular verbs: the past tense is made by rule (`pastTense`), so the base form is known for paraphrases. */
export const REAL_VERBS = list(`
announce approve reject criticize support oppose launch discuss demand review propose warn expand reduce
increase delay sign suspend investigate deploy negotiate finance restore protect defend accuse question
confirm deny release arrest charge schedule postpone endorse adopt block extend revise publish report
request praise blame challenge pledge promise consider examine monitor secure visit host attend organize
open inspect reform replace restrict limit raise lower boost target evacuate rebuild repair fund welcome
reach form join contest appeal cancel retain resume complete finish track estimate forecast predict
calculate measure test introduce remove collect distribute deliver receive acquire purchase sell invest
borrow repay export import produce process recruit train employ dismiss resign elect appoint nominate
vote ratify implement enforce violate ignore accept refuse assess analyze compare reveal disclose conceal
describe explain insist argue claim mention highlight stress question recall
`);

export const REAL_ADJECTIVES = list(`
national regional local federal foreign domestic economic political military diplomatic public private
senior former new recent major minor key controversial significant urgent serious rare annual historic
temporary permanent official independent international joint rival environmental financial industrial
agricultural rural urban coastal northern southern eastern western central interim preliminary final
initial detailed broad narrow strict modest sharp steady sudden gradual rapid slow heavy light strong
weak stable fragile secret open limited unprecedented routine emergency strategic technical legal
judicial medical digital commercial maritime nuclear civilian democratic conservative liberal radical
moderate popular unpopular costly cheap crucial vital complex simple
`);

export const FEMALE_NAMES = list(`
Maria Anna Sofia Elena Laura Olga Nadia Irene Clara Marta Helena Rosa Julia Amina Leila Yuki Mei Priya
Fatima Lucia Camila Ines Ana Teresa Agnes Ingrid Astrid Freya Ama Abena Ngozi Zainab Halima Natalia
Tatiana Iryna Halyna Zofia Katarzyna Eva Petra Giulia Chiara Francesca Chloe Margaux Camille Aoife Niamh
Grace Olivia Emma Mia Zoe Nora Alice Sara Hanna Lea
`);

export const MALE_NAMES = list(`
John Peter David Michael James Thomas Robert Daniel Samuel Victor Andrew Martin Pavel Omar Hassan Kenji
Wei Ravi Arjun Ibrahim Mateo Diego Pedro Carlos Jorge Henrik Lars Nils Kofi Kwame Tunde Chidi Musa Dmitri
Sergei Oleksandr Taras Piotr Tomasz Jan Milan Luca Marco Paolo Hugo Louis Pierre Sean Liam Ethan Noah
Lucas Leo Felix Oscar Adam Elias Jonas
`);

/** Speakers' roles, as news writes them before a name ("spokeswoman Nadia Velmor"). */
export const ROLES = list(`
spokesman spokeswoman minister analyst economist official mayor governor director professor senator
adviser negotiator commander prosecutor researcher chairwoman chairman ambassador lawmaker
`);

export const OUTLETS = [
  'The Morning Ledger',
  'Daily Courier',
  'Harbor Times',
  'National Dispatch',
  'The Evening Post',
  'Wire Report',
  'Metro Herald',
  'The Continental',
];

export const ONSETS = list('b c d f g h j k l m n p r s t v w z b d k l m n p r s t br dr gr st tr pl sh ch');
export const VOWELS = list('a e i o u a e i o a e o ai ou');
export const CODAS = ['', '', '', '', 'n', 'r', 'l', 's', 'm', 'nd', 'st', 'rt', 'nt'];

export const NOUN_SUFFIXES = ['', '', '', 'ion', 'ment', 'ity', 'ance', 'er', 'ism', 'ure'];
export const VERB_SUFFIXES = ['', '', '', 'ate', 'ize', 'en'];
export const ADJECTIVE_SUFFIXES = ['al', 'ous', 'ive', 'ic', 'ful', 'ish', 'able'];
export const SURNAME_SUFFIXES = ['', '', '', 'ov', 'enko', 'son', 'sen', 'ez', 'ini', 'ski', 'berg', 'ani'];
export const CITY_SUFFIXES = [
  '',
  'ville',
  'burg',
  'ford',
  'ova',
  'grad',
  'polis',
  'mouth',
  'ton',
  'stad',
  'era',
];

export const WEEKDAYS = list('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');
export const MONTHS = list(
  'January February March April May June July August September October November December',
);
export const SMALL_NUMBERS = list('two three four five six seven eight nine ten twelve fifteen twenty');

/** Questions no generated article answers: the engine should abstain. */
export const OFF_TOPIC_QUESTIONS = [
  'What is the capital of France?',
  'How do I bake sourdough bread at home?',
  'Who won the football World Cup in 2018?',
  'What is the best recipe for banana pancakes?',
  'How tall is Mount Everest?',
  'Which planet has the most moons?',
  'How do you change a bicycle tyre?',
  'What time does the sun set in Reykjavik in June?',
  'Who painted the Mona Lisa?',
  'What is the boiling point of water in Fahrenheit?',
  'How many legs does a spider have?',
  'Recommend a good science fiction novel',
  'What is the password for the office wifi?',
  'How do I learn to play the guitar quickly?',
  'Why is the sky blue?',
  'Who invented the telephone?',
  'what is the weather like on the moon',
  'How do penguins keep their eggs warm?',
  'Best way to cook rice in a microwave?',
  'What language is spoken in Brazil?',
];
