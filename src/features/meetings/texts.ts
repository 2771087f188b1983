/**
 * Texts and rules of owners' general meetings shown by both the server (PDFs,
 * messages) and the cabinet: plain data without imports (the cabinet imports
 * this file through web/src/lib/shared.ts).
 */

/** The six stages of seed 001, in order; `key` names the done mark `<key>_done_at`. */
export const MEETING_STAGES = [
  { n: 1, key: 'notice', title: 'Формирование сообщения ОСС', hint: 'Дом, вид и форма собрания, инициаторы, даты, место и повестка дня; сообщение в PDF для размещения в доме.' },
  { n: 2, key: 'register', title: 'Формирование реестра собственников', hint: 'Помещения с площадями и собственники с долями: загрузка из Excel или вручную; проверка долей и общей площади.' },
  { n: 3, key: 'ballots', title: 'Формирование бюллетеня/решения собственника', hint: 'Бюллетень на каждого собственника с его помещениями, долей и числом голосов; PDF для печати.' },
  { n: 4, key: 'counting', title: 'Подсчет голосов', hint: 'Решения собственников по каждому вопросу — вручную с бумажного бюллетеня или загрузкой файла решений; кворум и результаты по правилам Жилищного кодекса.' },
  { n: 5, key: 'protocol', title: 'Формирование и отправка протокола ОСС', hint: 'Протокол по требованиям Минстроя (приказ № 44/пр) в PDF и DOCX, подписанный электронной подписью; скан подписанного протокола.' },
  { n: 6, key: 'gis', title: 'Загрузка протокола ОСС в ГИС ЖКХ', hint: 'Выбор компании, проверка прав доступа, загрузка протокола и статус загрузки.' },
] as const;

export type StageKey = (typeof MEETING_STAGES)[number]['key'];

export const MEETING_KIND_LABELS = { annual: 'Годовое', extraordinary: 'Внеочередное' } as const;

export const MEETING_FORM_LABELS = {
  in_person: 'Очное голосование',
  absentee: 'Заочное голосование',
  mixed: 'Очно-заочное голосование',
} as const;

export const MEETING_STATUS_LABELS = { in_progress: 'Проводится', completed: 'Проведено' } as const;

export const OWNER_KIND_LABELS = { person: 'Физическое лицо', legal: 'Юридическое лицо', city: 'Публично-правовое образование (город)' } as const;

export const OWNERSHIP_LABELS = { sole: 'Единоличная', shared: 'Общая долевая', joint: 'Общая совместная' } as const;

export const PREMISE_KIND_LABELS = { residential: 'Жилое', non_residential: 'Нежилое' } as const;

export const CHOICE_LABELS = { for: 'За', against: 'Против', abstain: 'Воздержался' } as const;

/**
 * The majority each kind of question needs (ЖК РФ ст. 46 ч. 1, ст. 44 ч. 2, ст. 36 ч. 3),
 * as data: the rule of an agenda item names one of these.
 */
export const MAJORITY_RULES = {
  participants: {
    label: 'Большинство голосов принявших участие в собрании',
    article: 'ч. 1 ст. 46 ЖК РФ',
  },
  more_than_half_all: {
    label: 'Более 50 % голосов от общего числа голосов собственников',
    article: 'ч. 1 ст. 46 ЖК РФ (пп. 4.5, 4.6 ч. 2 ст. 44)',
  },
  two_thirds_all: {
    label: 'Не менее 2/3 голосов от общего числа голосов собственников',
    article: 'ч. 1 ст. 46 ЖК РФ (пп. 1, 1.1-1, 1.2, 2, 3, 4.2, 4.3 ч. 2 ст. 44)',
  },
  all: {
    label: 'Все собственники (100 % голосов)',
    article: 'ч. 3 ст. 36, ч. 2 ст. 40 ЖК РФ',
  },
} as const;

export const QUORUM_RULE = 'Собрание правомочно, если в нём приняли участие собственники, обладающие более чем 50 % голосов от общего числа голосов (ч. 3 ст. 45 ЖК РФ)';

export const GIS_STATUS_LABELS = {
  none: 'Не загружался',
  sending: 'В процессе загрузки',
  loaded: 'Загружен',
  error: 'Ошибка загрузки',
} as const;

/** The register's import template: column titles, in order. */
export const REGISTER_COLUMNS = [
  'Номер помещения',
  'Вид помещения',
  'Площадь помещения, м²',
  'Кадастровый номер помещения',
  'Собственник',
  'Тип собственника',
  'ИНН',
  'Вид собственности',
  'Доля',
  'Документ о праве собственности',
] as const;

/** Files of a signed protocol scan (seed 001): ≤ 50 MB, these kinds, judged by content. */
export const SCAN_KINDS_TEXT = 'PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF, не более 50 МБ';

/** The ГИС ЖКХ exchange here is simulated (the real one cannot be reached from this installation). */
export const GIS_SIMULATOR_NOTICE = 'Обмен с ГИС ЖКХ работает в режиме симулятора: протокол не передаётся в настоящую ГИС ЖКХ.';

/**
 * The owners' decisions file (stage 4): one row per owner (a ballot) — the owner as the register and
 * the ballot name them (premise number and owner), then one column «Вопрос N» per agenda item with
 * «за», «против» or «воздержался» (an empty cell: no decision on that item). «Доля» and «Голосов, м²»
 * are filled in the template for reference and are not read back.
 */
export const VOTE_COLUMNS = ['Номер помещения', 'Собственник', 'Доля', 'Голосов, м²'] as const;
export const voteItemHeader = (position: number) => `Вопрос ${position}`;
/** The choice words of the decisions file, as the cabinet tells them. */
export const VOTE_CHOICE_WORDS = ['за', 'против', 'воздержался'] as const;
/** What a counter is told about a decision already entered when the file names the same owner. */
export const VOTE_IMPORT_RULES =
  'Строка без единого решения ничего не меняет. Если решение собственника уже внесено (вручную или прежней загрузкой), оно заменяется решением из файла; та же загрузка повторно ничего не добавляет.';
