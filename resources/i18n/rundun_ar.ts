<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>TranslationTableModel</name>
    <message>
        <source>Not translated yet: {0}</source>
        <translation>لم تُترجم بعد: {0}</translation>
    </message>
    <message>
        <source>Source ({0})</source>
        <translation>المصدر ({0})</translation>
    </message>
    <message>
        <source>Translation ({0})</source>
        <translation>الترجمة ({0})</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>الترجمة</translation>
    </message>
</context>
<context>
    <name>TranslationsController</name>
    <message>
        <source>Only the source language so far: add a language to translate.</source>
        <translation>لا توجد سوى اللغة المصدر حتى الآن: أضف لغة للترجمة.</translation>
    </message>
    <message>
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} من {2}</translation>
    </message>
    <message>
        <source>{0} (source)</source>
        <translation>{0} (المصدر)</translation>
    </message>
    <message>
        <source>{0} is the source language: its texts are edited in Properties. Choose or add another language to translate.</source>
        <translation>{0} هي اللغة المصدر: تُحرَّر نصوصها في الخصائص. اختر لغة أخرى للترجمة أو أضفها.</translation>
    </message>
    <message>
        <source>Translate {0} into {1}</source>
        <translation>ترجمة {0} إلى {1}</translation>
    </message>
    <message>
        <source>“{0}” is not a language tag. Use a BCP 47 tag such as de, es, ar or pt-BR.</source>
        <translation>«{0}» ليس رمز لغة. استخدم رمز BCP 47 مثل de أو es أو ar أو pt-BR.</translation>
    </message>
    <message>
        <source>The template already has {0}.</source>
        <translation>القالب يحتوي على {0} بالفعل.</translation>
    </message>
    <message>
        <source>Language not added</source>
        <translation>لم تُضف اللغة</translation>
    </message>
    <message>
        <source>Add language {0}</source>
        <translation>إضافة اللغة {0}</translation>
    </message>
    <message>
        <source>Choose the language the file translates into first.</source>
        <translation>اختر أولاً اللغة التي يترجم إليها الملف.</translation>
    </message>
    <message>
        <source>The file cannot be read: {0}.</source>
        <translation>تعذّرت قراءة الملف: {0}.</translation>
    </message>
    <message>
        <source>The file translates into {0}, not {1}.</source>
        <translation>الملف يترجم إلى {0} وليس إلى {1}.</translation>
    </message>
    <message>
        <source>The file names texts this template does not have: {0}.</source>
        <translation>يذكر الملف نصوصاً لا يحتويها هذا القالب: {0}.</translation>
    </message>
    <message>
        <source>Import translations</source>
        <translation>استيراد الترجمات</translation>
    </message>
    <message>
        <source>No language to translate</source>
        <translation>لا توجد لغة للترجمة</translation>
    </message>
    <message>
        <source>Choose or add a language to translate first.</source>
        <translation>اختر لغة للترجمة أو أضفها أولاً.</translation>
    </message>
    <message>
        <source>Translations not exported</source>
        <translation>لم تُصدَّر الترجمات</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation>تعذّرت كتابة {0}: {1}.</translation>
    </message>
    <message>
        <source>{0} could not be read: {1}.</source>
        <translation>تعذّرت قراءة {0}: {1}.</translation>
    </message>
    <message>
        <source>Translations not imported</source>
        <translation>لم تُستورد الترجمات</translation>
    </message>
</context>
<context>
    <name>TranslationsPanel</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The language the preview shows and the table translates into</source>
        <translation>اللغة التي تعرضها المعاينة ويترجم إليها الجدول</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>إضافة لغة…</translation>
    </message>
    <message>
        <source>Export translations…</source>
        <translation>تصدير الترجمات…</translation>
    </message>
    <message>
        <source>Import translations…</source>
        <translation>استيراد الترجمات…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>إضافة لغة</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), e.g. de, es, ar, pt-BR:</source>
        <translation>رمز اللغة (BCP 47)، مثل de أو es أو ar أو pt-BR:</translation>
    </message>
    <message>
        <source>Export translations</source>
        <translation>تصدير الترجمات</translation>
    </message>
    <message>
        <source>Import translations</source>
        <translation>استيراد الترجمات</translation>
    </message>
</context>
</TS>
