import { AreaCatalogue } from "../i18n/types";

type Key =
  | "title"
  | "intro"
  | "searchLabel"
  | "searchPlaceholder"
  | "count_zero"
  | "count_one"
  | "count_two"
  | "count_few"
  | "count_many"
  | "count_other"
  | "noMatches"
  | "loading"
  | "loadError"
  | "retry"
  | "parameters"
  | "optional"
  | "spills"
  | "example"
  | "insert"
  | "insertLabel"
  | "inserting"
  | "inserted"
  | "occupied"
  | "missingTables"
  | "insertError"
  | "missingTablesMany"
  | "listSeparator";

/** Strings of the Functions section (the searchable gallery of SALES functions). */
export const functions: AreaCatalogue<Key> = {
  en: {
    title: "Functions",
    intro:
      "Every SALES function with its parameters and a ready formula over your sales tables. Select an empty cell in the sheet, then choose Insert.",
    searchLabel: "Search functions",
    searchPlaceholder: "e.g. win rate, pipeline, forecast",
    count_zero: "No functions match.",
    count_one: "{count} function",
    count_two: "{count} functions",
    count_few: "{count} functions",
    count_many: "{count} functions",
    count_other: "{count} functions",
    noMatches: "No function matches “{query}”. Try another word, such as pipeline or forecast.",
    loading: "Loading the list of functions…",
    loadError:
      "The list of functions could not be loaded ({detail}). Check your connection to the add-in's server, then try again.",
    retry: "Try again",
    parameters: "Parameters",
    optional: "optional",
    spills: "Returns several cells (spills below and beside the cell).",
    example: "Example",
    insert: "Insert",
    insertLabel: "Insert {name} into the selected cell",
    inserting: "Inserting…",
    inserted: "Inserted {formula} in {address}.",
    occupied:
      "{address} is not empty, so nothing was written. Select an empty cell and choose Insert again.",
    missingTables:
      "This formula uses the {tables} table, which this workbook does not have yet. Create the tables with Setup first, or type the formula with your own ranges.",
    missingTablesMany:
      "This formula uses the {tables} tables, which this workbook does not have yet. Create the tables with Setup first, or type the formula with your own ranges.",
    insertError:
      "Excel could not write the formula ({detail}). If you are editing a cell, press Enter or Esc first, then try again.",
    listSeparator: ", ",
  },
  ar: {
    title: "الدوال",
    intro:
      "كل دوال SALES مع وسيطاتها وصيغة جاهزة على جداول المبيعات لديك. حدّد خلية فارغة في الورقة، ثم اختر إدراج.",
    searchLabel: "البحث في الدوال",
    searchPlaceholder: "مثل: نسبة الفوز، خط المبيعات، التنبؤ",
    count_zero: "لا توجد دوال مطابقة.",
    count_one: "دالة واحدة",
    count_two: "دالتان",
    count_few: "{count} دوال",
    count_many: "{count} دالة",
    count_other: "{count} دالة",
    noMatches: "لا توجد دالة تطابق «{query}». جرّب كلمة أخرى، مثل خط المبيعات أو التنبؤ.",
    loading: "جارٍ تحميل قائمة الدوال…",
    loadError:
      "تعذّر تحميل قائمة الدوال ({detail}). تحقّق من الاتصال بخادم الوظيفة الإضافية، ثم أعد المحاولة.",
    retry: "أعد المحاولة",
    parameters: "الوسيطات",
    optional: "اختيارية",
    spills: "تُرجع عدة خلايا (تمتد أسفل الخلية وبجانبها).",
    example: "مثال",
    insert: "إدراج",
    insertLabel: "إدراج {name} في الخلية المحددة",
    inserting: "جارٍ الإدراج…",
    inserted: "أُدرجت الصيغة {formula} في {address}.",
    occupied: "الخلية {address} ليست فارغة، لذا لم يُكتب شيء. حدّد خلية فارغة واختر إدراج مرة أخرى.",
    missingTables:
      "تستخدم هذه الصيغة الجدول {tables} غير الموجود في هذا المصنف بعد. أنشئ الجداول من قسم الإعداد أولًا، أو اكتب الصيغة بنطاقاتك الخاصة.",
    missingTablesMany:
      "تستخدم هذه الصيغة الجداول {tables} غير الموجودة في هذا المصنف بعد. أنشئ الجداول من قسم الإعداد أولًا، أو اكتب الصيغة بنطاقاتك الخاصة.",
    insertError:
      "تعذّر على Excel كتابة الصيغة ({detail}). إن كنت تحرّر خلية، فاضغط Enter أو Esc أولًا، ثم أعد المحاولة.",
    listSeparator: "، ",
  },
};
