<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Rundun</source>
        <translation>حول Rundun</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rundun&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Rundun&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>البيانات</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>فتح مجلد السجلات</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The connection was closed.</source>
        <translation>أُغلق الاتصال.</translation>
    </message>
    <message>
        <source>The photo could not be loaded ({0}).</source>
        <translation>تعذّر تحميل الصورة ({0}).</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The request is not valid.</source>
        <translation>الطلب غير صالح.</translation>
    </message>
    <message>
        <source>The request is malformed or misses a required field.</source>
        <translation>الطلب غير سليم أو ينقصه حقل مطلوب.</translation>
    </message>
    <message>
        <source>Missing or invalid credentials.</source>
        <translation>بيانات الاعتماد مفقودة أو غير صالحة.</translation>
    </message>
    <message>
        <source>Your plan&apos;s runs for this month are used up.</source>
        <translation>نفدت مهام خطتك لهذا الشهر.</translation>
    </message>
    <message>
        <source>This credential may not do that.</source>
        <translation>لا تسمح بيانات الاعتماد هذه بذلك.</translation>
    </message>
    <message>
        <source>No such resource exists in your organisation.</source>
        <translation>لا يوجد هذا في مؤسستك.</translation>
    </message>
    <message>
        <source>No template with that ID exists in your organisation.</source>
        <translation>لا يوجد قالب بهذا المعرّف في مؤسستك.</translation>
    </message>
    <message>
        <source>No run with that ID exists in your organisation.</source>
        <translation>لا توجد مهمة بهذا المعرّف في مؤسستك.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state.</source>
        <translation>يتعارض الطلب مع الحالة الحالية.</translation>
    </message>
    <message>
        <source>The run is already finished.</source>
        <translation>انتهت المهمة بالفعل.</translation>
    </message>
    <message>
        <source>Someone else has already opened this run.</source>
        <translation>فتح شخص آخر هذه المهمة بالفعل.</translation>
    </message>
    <message>
        <source>The template has changed since you loaded it.</source>
        <translation>تغيّر القالب منذ أن حمّلته.</translation>
    </message>
    <message>
        <source>This run has expired.</source>
        <translation>انتهت صلاحية هذه المهمة.</translation>
    </message>
    <message>
        <source>The request body is too large.</source>
        <translation>الطلب كبير جدًا.</translation>
    </message>
    <message>
        <source>The request body failed validation.</source>
        <translation>لم تُقبل البيانات.</translation>
    </message>
    <message>
        <source>The request failed validation.</source>
        <translation>لم تُقبل البيانات.</translation>
    </message>
    <message>
        <source>The query parameters are not valid.</source>
        <translation>معايير الاستعلام غير صالحة.</translation>
    </message>
    <message>
        <source>No such template (or version) in your organisation.</source>
        <translation>لا يوجد هذا القالب (أو هذا الإصدار) في مؤسستك.</translation>
    </message>
    <message>
        <source>No member with that ID exists in your organisation.</source>
        <translation>لا يوجد عضو بهذا المعرّف في مؤسستك.</translation>
    </message>
    <message>
        <source>No API key with that ID exists in your organisation.</source>
        <translation>لا يوجد مفتاح API بهذا المعرّف في مؤسستك.</translation>
    </message>
    <message>
        <source>No webhook delivery with that ID exists in your organisation.</source>
        <translation>لا يوجد تسليم Webhook بهذا المعرّف في مؤسستك.</translation>
    </message>
    <message>
        <source>The prompt cannot be used.</source>
        <translation>لا يمكن استخدام هذا الوصف.</translation>
    </message>
    <message>
        <source>The answer is not valid for this step.</source>
        <translation>الإجابة غير صالحة لهذه الخطوة.</translation>
    </message>
    <message>
        <source>This step cannot take that photo.</source>
        <translation>لا تقبل هذه الخطوة تلك الصورة.</translation>
    </message>
    <message>
        <source>There is no photo at that index.</source>
        <translation>لا توجد صورة في هذا الموضع.</translation>
    </message>
    <message>
        <source>That API key is unknown or has been revoked.</source>
        <translation>مفتاح API هذا غير معروف أو تم إلغاؤه.</translation>
    </message>
    <message>
        <source>That API key is malformed.</source>
        <translation>مفتاح API هذا مكتوب بشكل غير صحيح.</translation>
    </message>
    <message>
        <source>The run still has steps to complete.</source>
        <translation>ما زالت في المهمة خطوات لم تُنجز.</translation>
    </message>
    <message>
        <source>This template does not allow skipping steps.</source>
        <translation>لا يسمح هذا القالب بتخطي الخطوات.</translation>
    </message>
    <message>
        <source>Too many requests. Retry after the delay given.</source>
        <translation>طلبات كثيرة جدًا. أعد المحاولة بعد المهلة المذكورة.</translation>
    </message>
    <message>
        <source>Something went wrong on our side.</source>
        <translation>حدث خطأ من جهة الخادم.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full; nothing was stored. Free space on the server, then retry.</source>
        <translation>قرص الخادم ممتلئ؛ لم يُحفظ شيء. أفرغ مساحة على الخادم ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The server answered {0}.</source>
        <translation>ردّ الخادم بـ {0}.</translation>
    </message>
    <message>
        <source>The server at {0} did not answer in time.</source>
        <translation>لم يردّ الخادم على {0} في الوقت المحدد.</translation>
    </message>
    <message>
        <source>Cannot reach the server at {0}: nothing answers there.</source>
        <translation>لا يمكن الوصول إلى الخادم على {0}: لا شيء يردّ هناك.</translation>
    </message>
    <message>
        <source>Cannot reach the server at {0}.</source>
        <translation>لا يمكن الوصول إلى الخادم على {0}.</translation>
    </message>
</context>
<context>
    <name>ApiKeysModel</name>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Revoked {0}</source>
        <translation>أُلغي {0}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>Back up workspace…</source>
        <translation>نسخ مساحة العمل احتياطيًا…</translation>
    </message>
    <message>
        <source>Restore workspace…</source>
        <translation>استعادة مساحة العمل…</translation>
    </message>
    <message>
        <source>Back up workspace</source>
        <translation>نسخ مساحة العمل احتياطيًا</translation>
    </message>
    <message>
        <source>Restore workspace</source>
        <translation>استعادة مساحة العمل</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
</context>
<context>
    <name>BatchExportController</name>
    <message>
        <source>every run of this list</source>
        <translation>كل مهام هذه القائمة</translation>
    </message>
    <message>
        <source>Saved {0} to {1}.</source>
        <translation>حُفظ {0} في {1}.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was saved.</source>
        <translation>أُلغي التصدير؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>The reports could not be written: {0}</source>
        <translation>تعذّرت كتابة التقارير: {0}</translation>
    </message>
</context>
<context>
    <name>BucketsModel</name>
    <message>
        <source>Week of {0}</source>
        <translation>أسبوع {0}</translation>
    </message>
</context>
<context>
    <name>CardButton</name>
    <message>
        <source>{0}: {1}, {2}. Opens these runs in the monitor.</source>
        <translation>{0}: {1}، {2}. يفتح هذه المهام في المراقبة.</translation>
    </message>
    <message>
        <source>Show these runs in the Runs monitor</source>
        <translation>عرض هذه المهام في مراقبة المهام</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>{0}: numbers</source>
        <translation>{0}: الأرقام</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>الأرقام</translation>
    </message>
</context>
<context>
    <name>CheckWords</name>
    <message>
        <source>&apos;{0}&apos; needs an answer</source>
        <translation>«{0}» يحتاج إلى إجابة</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; needs a signature</source>
        <translation>«{0}» يحتاج إلى توقيع</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; needs a location</source>
        <translation>«{0}» يحتاج إلى موقع</translation>
    </message>
    <message numerus="yes">
        <source>&apos;{0}&apos; needs at least %Ln photo(s)</source>
        <translation>
            <numerusform>«{0}» يحتاج إلى صور</numerusform>
            <numerusform>«{0}» يحتاج إلى صورة واحدة على الأقل</numerusform>
            <numerusform>«{0}» يحتاج إلى صورتين على الأقل</numerusform>
            <numerusform>«{0}» يحتاج إلى %Ln صور على الأقل</numerusform>
            <numerusform>«{0}» يحتاج إلى %Ln صورة على الأقل</numerusform>
            <numerusform>«{0}» يحتاج إلى %Ln صورة على الأقل</numerusform>
        </translation>
    </message>
    <message>
        <source>Your signature is needed before this run can be completed</source>
        <translation>يلزم توقيعك قبل إكمال هذه المهمة</translation>
    </message>
    <message>
        <source>This checklist does not allow skipping steps</source>
        <translation>لا يسمح هذا القالب بتخطي الخطوات</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>يجب ألا يكون فارغًا</translation>
    </message>
    <message>
        <source>must not be greater than the maximum ({0})</source>
        <translation>يجب ألا يزيد على الحد الأقصى ({0})</translation>
    </message>
    <message>
        <source>must not be after the latest date ({0})</source>
        <translation>يجب ألا يكون بعد آخر تاريخ ({0})</translation>
    </message>
    <message>
        <source>must not be greater than “At most” ({0})</source>
        <translation>يجب ألا يزيد على «على الأكثر» ({0})</translation>
    </message>
    <message>
        <source>must not be greater than the number of options ({0})</source>
        <translation>يجب ألا يزيد على عدد الخيارات ({0})</translation>
    </message>
    <message>
        <source>must be unique in the template; also used at {0}</source>
        <translation>يجب أن يكون فريدًا في القالب؛ مستخدم أيضًا في {0}</translation>
    </message>
    <message>
        <source>the lower limit ({0}) must not be greater than the upper limit ({1})</source>
        <translation>يجب ألا يزيد الحد الأدنى ({0}) على الحد الأعلى ({1})</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>يجب أن تكون رقمًا</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>يجب أن تكون عددًا صحيحًا</translation>
    </message>
    <message numerus="yes">
        <source>must have at most %Ln decimal place(s)</source>
        <translation>
            <numerusform>يجب ألا تحتوي على منازل عشرية</numerusform>
            <numerusform>يجب ألا تزيد المنازل العشرية على منزلة واحدة</numerusform>
            <numerusform>يجب ألا تزيد المنازل العشرية على منزلتين</numerusform>
            <numerusform>يجب ألا تزيد المنازل العشرية على %Ln منازل</numerusform>
            <numerusform>يجب ألا تزيد المنازل العشرية على %Ln منزلة</numerusform>
            <numerusform>يجب ألا تزيد المنازل العشرية على %Ln منزلة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must be at most %Ln character(s)</source>
        <translation>
            <numerusform>يجب أن تكون فارغة</numerusform>
            <numerusform>يجب ألا تزيد على حرف واحد</numerusform>
            <numerusform>يجب ألا تزيد على حرفين</numerusform>
            <numerusform>يجب ألا تزيد على %Ln أحرف</numerusform>
            <numerusform>يجب ألا تزيد على %Ln حرفًا</numerusform>
            <numerusform>يجب ألا تزيد على %Ln حرف</numerusform>
        </translation>
    </message>
    <message>
        <source>must be at least {0}</source>
        <translation>يجب ألا تقل عن {0}</translation>
    </message>
    <message>
        <source>must be at most {0}</source>
        <translation>يجب ألا تزيد على {0}</translation>
    </message>
    <message numerus="yes">
        <source>must select at least %Ln option(s)</source>
        <translation>
            <numerusform>اختر خيارًا واحدًا على الأقل</numerusform>
            <numerusform>اختر خيارًا واحدًا على الأقل</numerusform>
            <numerusform>اختر خيارين على الأقل</numerusform>
            <numerusform>اختر %Ln خيارات على الأقل</numerusform>
            <numerusform>اختر %Ln خيارًا على الأقل</numerusform>
            <numerusform>اختر %Ln خيار على الأقل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must select at most %Ln option(s)</source>
        <translation>
            <numerusform>لا تختر أي خيار</numerusform>
            <numerusform>اختر خيارًا واحدًا على الأكثر</numerusform>
            <numerusform>اختر خيارين على الأكثر</numerusform>
            <numerusform>اختر %Ln خيارات على الأكثر</numerusform>
            <numerusform>اختر %Ln خيارًا على الأكثر</numerusform>
            <numerusform>اختر %Ln خيار على الأكثر</numerusform>
        </translation>
    </message>
    <message>
        <source>must be a whole number from {0} to {1}</source>
        <translation>يجب أن تكون عددًا صحيحًا من {0} إلى {1}</translation>
    </message>
    <message>
        <source>must be a date, written YYYY-MM-DD</source>
        <translation>يجب أن تكون تاريخًا بصيغة YYYY-MM-DD</translation>
    </message>
    <message>
        <source>must be on or after {0}</source>
        <translation>يجب أن تكون في {0} أو بعده</translation>
    </message>
    <message>
        <source>must be on or before {0}</source>
        <translation>يجب أن تكون في {0} أو قبله</translation>
    </message>
    <message>
        <source>must be a time written HH:MM, from 00:00 to 23:59</source>
        <translation>يجب أن تكون وقتًا بصيغة HH:MM من 00:00 إلى 23:59</translation>
    </message>
    <message>
        <source>{0}; this checklist does not allow skipping</source>
        <translation>{0}؛ لا يسمح هذا القالب بالتخطي</translation>
    </message>
</context>
<context>
    <name>ChildServer</name>
    <message>
        <source>another Rundun server (process {1}) is using its data folder {0}. Stop that process; this one then starts by itself.</source>
        <translation>خادم Rundun آخر (العملية {1}) يستخدم مجلد بياناته {0}. أوقف تلك العملية؛ وسيبدأ هذا الخادم بعدها من تلقاء نفسه.</translation>
    </message>
    <message>
        <source>another Rundun server is using its data folder {0}. Stop it; this one then starts by itself.</source>
        <translation>خادم Rundun آخر يستخدم مجلد بياناته {0}. أوقفه؛ وسيبدأ هذا الخادم بعدها من تلقاء نفسه.</translation>
    </message>
    <message>
        <source>the embedded server exited during start-up ({0})</source>
        <translation>توقف الخادم المدمج أثناء البدء ({0})</translation>
    </message>
    <message>
        <source>the embedded server did not start in time</source>
        <translation>لم يبدأ الخادم المدمج في الوقت المحدد</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <source>Only show this step if…</source>
        <translation>لا تعرض هذه الخطوة إلا إذا…</translation>
    </message>
    <message>
        <source>There is no earlier step to depend on.</source>
        <translation>لا توجد خطوة سابقة يمكن الاعتماد عليها.</translation>
    </message>
    <message>
        <source>Shown {0}.</source>
        <translation>تُعرض {0}.</translation>
    </message>
    <message>
        <source>Always shown.</source>
        <translation>تُعرض دائمًا.</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
    <message>
        <source>Embedded server on {0}{1}</source>
        <translation>الخادم المدمج على {0}{1}</translation>
    </message>
    <message>
        <source>Remote server {0}</source>
        <translation>خادم بعيد {0}</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>جارٍ الاتصال بـ {0}…</translation>
    </message>
    <message>
        <source>Starting the embedded server…</source>
        <translation>جارٍ تشغيل الخادم المدمج…</translation>
    </message>
    <message>
        <source>The embedded server could not start: {0}</source>
        <translation>تعذّر تشغيل الخادم المدمج: {0}</translation>
    </message>
    <message>
        <source>port {0} is used by another program, so the server now listens on port {1}; links sent before point at the old port</source>
        <translation>المنفذ {0} يستخدمه برنامج آخر، لذا يستمع الخادم الآن على المنفذ {1}؛ الروابط المرسلة سابقًا تشير إلى المنفذ القديم</translation>
    </message>
    <message>
        <source>Restarting the embedded server…</source>
        <translation>جارٍ إعادة تشغيل الخادم المدمج…</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://.</source>
        <translation>يجب أن يبدأ عنوان URL للخادم بـ http:// أو https://.</translation>
    </message>
    <message>
        <source>The server refused the API key. Enter a valid key in Settings.</source>
        <translation>رفض الخادم مفتاح API. أدخل مفتاحًا صالحًا في الإعدادات.</translation>
    </message>
    <message>
        <source>{0} Retrying…</source>
        <translation>{0} إعادة المحاولة…</translation>
    </message>
    <message>
        <source>The server answered {0}.</source>
        <translation>ردّ الخادم بـ {0}.</translation>
    </message>
    <message>
        <source>Connected · {0}</source>
        <translation>متصل · {0}</translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>تم النسخ</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>لا صور</numerusform>
            <numerusform>صورة واحدة</numerusform>
            <numerusform>صورتان</numerusform>
            <numerusform>%Ln صور</numerusform>
            <numerusform>%Ln صورة</numerusform>
            <numerusform>%Ln صورة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) from your prompt</source>
        <translation>
            <numerusform>لا عناصر من طلبك</numerusform>
            <numerusform>عنصر واحد من طلبك</numerusform>
            <numerusform>عنصران من طلبك</numerusform>
            <numerusform>%Ln عناصر من طلبك</numerusform>
            <numerusform>%Ln عنصرًا من طلبك</numerusform>
            <numerusform>%Ln عنصر من طلبك</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It already asked %Ln of your items, in its own words.</source>
        <translation>
            <numerusform>لم يكن فيه أي عنصر من طلبك من قبل.</numerusform>
            <numerusform>كان يسأل من قبل عن عنصر واحد من طلبك، بكلماته.</numerusform>
            <numerusform>كان يسأل من قبل عن عنصرين من طلبك، بكلماته.</numerusform>
            <numerusform>كان يسأل من قبل عن %Ln عناصر من طلبك، بكلماته.</numerusform>
            <numerusform>كان يسأل من قبل عن %Ln عنصرًا من طلبك، بكلماته.</numerusform>
            <numerusform>كان يسأل من قبل عن %Ln عنصر من طلبك، بكلماته.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>لا تغييرات بالانتظار</numerusform>
            <numerusform>تغيير واحد بالانتظار</numerusform>
            <numerusform>تغييران بالانتظار</numerusform>
            <numerusform>%Ln تغييرات بالانتظار</numerusform>
            <numerusform>%Ln تغييرًا بالانتظار</numerusform>
            <numerusform>%Ln تغيير بالانتظار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>لم يُرسل أي تغيير</numerusform>
            <numerusform>لم يُرسل تغيير واحد</numerusform>
            <numerusform>لم يُرسل تغييران</numerusform>
            <numerusform>لم تُرسل %Ln تغييرات</numerusform>
            <numerusform>لم يُرسل %Ln تغييرًا</numerusform>
            <numerusform>لم يُرسل %Ln تغيير</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused</source>
        <translation>
            <numerusform>لم يُرفض أي تغيير</numerusform>
            <numerusform>رُفض تغيير واحد</numerusform>
            <numerusform>رُفض تغييران</numerusform>
            <numerusform>رُفض %Ln تغييرات</numerusform>
            <numerusform>رُفض %Ln تغييرًا</numerusform>
            <numerusform>رُفض %Ln تغيير</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved</source>
        <translation>
            <numerusform>لا توجد إجابات غير محفوظة</numerusform>
            <numerusform>إجابة واحدة غير محفوظة</numerusform>
            <numerusform>إجابتان غير محفوظتين</numerusform>
            <numerusform>%Ln إجابات غير محفوظة</numerusform>
            <numerusform>%Ln إجابةً غير محفوظة</numerusform>
            <numerusform>%Ln إجابة غير محفوظة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This step takes at most %Ln photo(s).</source>
        <translation>
            <numerusform>لا تقبل هذه الخطوة أي صورة.</numerusform>
            <numerusform>تقبل هذه الخطوة صورة واحدة على الأكثر.</numerusform>
            <numerusform>تقبل هذه الخطوة صورتين على الأكثر.</numerusform>
            <numerusform>تقبل هذه الخطوة %Ln صور على الأكثر.</numerusform>
            <numerusform>تقبل هذه الخطوة %Ln صورة على الأكثر.</numerusform>
            <numerusform>تقبل هذه الخطوة %Ln صورة على الأكثر.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>up to %Ln decimal(s)</source>
        <translation>
            <numerusform>بلا منازل عشرية</numerusform>
            <numerusform>حتى منزلة عشرية واحدة</numerusform>
            <numerusform>حتى منزلتين عشريتين</numerusform>
            <numerusform>حتى %Ln منازل عشرية</numerusform>
            <numerusform>حتى %Ln منزلة عشرية</numerusform>
            <numerusform>حتى %Ln منزلة عشرية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln optional step(s) unanswered</source>
        <translation>
            <numerusform>لا خطوات اختيارية دون إجابة</numerusform>
            <numerusform>خطوة اختيارية واحدة دون إجابة</numerusform>
            <numerusform>خطوتان اختياريتان دون إجابة</numerusform>
            <numerusform>%Ln خطوات اختيارية دون إجابة</numerusform>
            <numerusform>%Ln خطوة اختيارية دون إجابة</numerusform>
            <numerusform>%Ln خطوة اختيارية دون إجابة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>لا قوالب</numerusform>
            <numerusform>قالب واحد</numerusform>
            <numerusform>قالبان</numerusform>
            <numerusform>%Ln قوالب</numerusform>
            <numerusform>%Ln قالبًا</numerusform>
            <numerusform>%Ln قالب</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>لا مهام</numerusform>
            <numerusform>مهمة واحدة</numerusform>
            <numerusform>مهمتان</numerusform>
            <numerusform>%Ln مهام</numerusform>
            <numerusform>%Ln مهمة</numerusform>
            <numerusform>%Ln مهمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected run(s)</source>
        <translation>
            <numerusform>لا مهام محددة</numerusform>
            <numerusform>مهمة محددة واحدة</numerusform>
            <numerusform>مهمتان محددتان</numerusform>
            <numerusform>%Ln مهام محددة</numerusform>
            <numerusform>%Ln مهمة محددة</numerusform>
            <numerusform>%Ln مهمة محددة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>لا خطوات</numerusform>
            <numerusform>خطوة واحدة</numerusform>
            <numerusform>خطوتان</numerusform>
            <numerusform>%Ln خطوات</numerusform>
            <numerusform>%Ln خطوة</numerusform>
            <numerusform>%Ln خطوة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>لا تغييرات</numerusform>
            <numerusform>تغيير واحد</numerusform>
            <numerusform>تغييران</numerusform>
            <numerusform>%Ln تغييرات</numerusform>
            <numerusform>%Ln تغييرًا</numerusform>
            <numerusform>%Ln تغيير</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>لا إجابات</numerusform>
            <numerusform>إجابة واحدة</numerusform>
            <numerusform>إجابتان</numerusform>
            <numerusform>%Ln إجابات</numerusform>
            <numerusform>%Ln إجابة</numerusform>
            <numerusform>%Ln إجابة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more depending on answers</source>
        <translation>
            <numerusform>لا خطوات أخرى حسب الإجابات</numerusform>
            <numerusform>وخطوة أخرى حسب الإجابات</numerusform>
            <numerusform>وخطوتان أخريان حسب الإجابات</numerusform>
            <numerusform>و%Ln خطوات أخرى حسب الإجابات</numerusform>
            <numerusform>و%Ln خطوة أخرى حسب الإجابات</numerusform>
            <numerusform>و%Ln خطوة أخرى حسب الإجابات</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>changed %Ln time(s)</source>
        <translation>
            <numerusform>لم يتغيّر</numerusform>
            <numerusform>تغيّر مرة واحدة</numerusform>
            <numerusform>تغيّر مرتين</numerusform>
            <numerusform>تغيّر %Ln مرات</numerusform>
            <numerusform>تغيّر %Ln مرة</numerusform>
            <numerusform>تغيّر %Ln مرة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln stale write(s) lost</source>
        <translation>
            <numerusform> · لم تُفقد أي عملية كتابة قديمة</numerusform>
            <numerusform> · فُقدت عملية كتابة قديمة واحدة</numerusform>
            <numerusform> · فُقدت عمليتا كتابة قديمتان</numerusform>
            <numerusform> · فُقدت %Ln عمليات كتابة قديمة</numerusform>
            <numerusform> · فُقدت %Ln عملية كتابة قديمة</numerusform>
            <numerusform> · فُقدت %Ln عملية كتابة قديمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln finding(s)</source>
        <translation>
            <numerusform>⚠ لا ملاحظات</numerusform>
            <numerusform>⚠ ملاحظة واحدة</numerusform>
            <numerusform>⚠ ملاحظتان</numerusform>
            <numerusform>⚠ %Ln ملاحظات</numerusform>
            <numerusform>⚠ %Ln ملاحظة</numerusform>
            <numerusform>⚠ %Ln ملاحظة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) are findings: open the run to see which</source>
        <translation>
            <numerusform>لا إجابات هي ملاحظات</numerusform>
            <numerusform>إجابة واحدة هي ملاحظة: افتح المهمة لترى أيّها</numerusform>
            <numerusform>إجابتان هما ملاحظتان: افتح المهمة لترى أيّهما</numerusform>
            <numerusform>%Ln إجابات هي ملاحظات: افتح المهمة لترى أيّها</numerusform>
            <numerusform>%Ln إجابة هي ملاحظات: افتح المهمة لترى أيّها</numerusform>
            <numerusform>%Ln إجابة هي ملاحظات: افتح المهمة لترى أيّها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last backup %Ln day(s) ago</source>
        <translation>
            <numerusform>آخر نسخة احتياطية اليوم</numerusform>
            <numerusform>آخر نسخة احتياطية منذ يوم</numerusform>
            <numerusform>آخر نسخة احتياطية منذ يومين</numerusform>
            <numerusform>آخر نسخة احتياطية منذ %Ln أيام</numerusform>
            <numerusform>آخر نسخة احتياطية منذ %Ln يومًا</numerusform>
            <numerusform>آخر نسخة احتياطية منذ %Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent, in runs the server refused</source>
        <translation>
            <numerusform>لم يُرسل أي تغيير، في مهام رفضها الخادم</numerusform>
            <numerusform>لم يُرسل تغيير واحد، في مهام رفضها الخادم</numerusform>
            <numerusform>لم يُرسل تغييران، في مهام رفضها الخادم</numerusform>
            <numerusform>لم تُرسل %Ln تغييرات، في مهام رفضها الخادم</numerusform>
            <numerusform>لم يُرسل %Ln تغييرًا، في مهام رفضها الخادم</numerusform>
            <numerusform>لم يُرسل %Ln تغيير، في مهام رفضها الخادم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s) not saved: put it right to send it</source>
        <translation>
            <numerusform>لا توجد إجابات غير محفوظة</numerusform>
            <numerusform>إجابة واحدة غير محفوظة: صحّحها لإرسالها</numerusform>
            <numerusform>إجابتان غير محفوظتين: صحّحهما لإرسالهما</numerusform>
            <numerusform>%Ln إجابات غير محفوظة: صحّحها لإرسالها</numerusform>
            <numerusform>%Ln إجابةً غير محفوظة: صحّحها لإرسالها</numerusform>
            <numerusform>%Ln إجابة غير محفوظة: صحّحها لإرسالها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) refused by the server, so the run was not completed. Fix them and complete again:
</source>
        <translation>
            <numerusform>تغييرات رفضها الخادم: %Ln، لذا لم تكتمل المهمة. أصلحها وأكملها مجددًا:
</numerusform>
            <numerusform>تغيير واحد رفضه الخادم، لذا لم تكتمل المهمة. أصلحه وأكملها مجددًا:
</numerusform>
            <numerusform>تغييران رفضهما الخادم، لذا لم تكتمل المهمة. أصلحهما وأكملها مجددًا:
</numerusform>
            <numerusform>%Ln تغييرات رفضها الخادم، لذا لم تكتمل المهمة. أصلحها وأكملها مجددًا:
</numerusform>
            <numerusform>%Ln تغييرًا رفضها الخادم، لذا لم تكتمل المهمة. أصلحها وأكملها مجددًا:
</numerusform>
            <numerusform>%Ln تغيير رفضها الخادم، لذا لم تكتمل المهمة. أصلحها وأكملها مجددًا:
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>لا تغييرات مرفوضة</numerusform>
            <numerusform>تغيير واحد مرفوض</numerusform>
            <numerusform>تغييران مرفوضان</numerusform>
            <numerusform>%Ln تغييرات مرفوضة</numerusform>
            <numerusform>%Ln تغييرًا مرفوضًا</numerusform>
            <numerusform>%Ln تغيير مرفوض</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s){0} still on the executor&apos;s device{1}, not yet on the server: this run shows less than was done, and they arrive when the device is online again.</source>
        <translation>
            <numerusform>لا تغييرات{0} على جهاز المنفّذ{1}.</numerusform>
            <numerusform>تغيير واحد{0} ما زال على جهاز المنفّذ{1}، وليس على الخادم بعد: تُظهر هذه المهمة أقل مما أُنجز، وسيصل عندما يعود الجهاز متصلًا.</numerusform>
            <numerusform>تغييران{0} ما زالا على جهاز المنفّذ{1}، وليسا على الخادم بعد: تُظهر هذه المهمة أقل مما أُنجز، وسيصلان عندما يعود الجهاز متصلًا.</numerusform>
            <numerusform>%Ln تغييرات{0} ما زالت على جهاز المنفّذ{1}، وليست على الخادم بعد: تُظهر هذه المهمة أقل مما أُنجز، وستصل عندما يعود الجهاز متصلًا.</numerusform>
            <numerusform>%Ln تغييرًا{0} ما زالت على جهاز المنفّذ{1}، وليست على الخادم بعد: تُظهر هذه المهمة أقل مما أُنجز، وستصل عندما يعود الجهاز متصلًا.</numerusform>
            <numerusform>%Ln تغيير{0} ما زالت على جهاز المنفّذ{1}، وليست على الخادم بعد: تُظهر هذه المهمة أقل مما أُنجز، وستصل عندما يعود الجهاز متصلًا.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %Ln step(s)</source>
        <translation>
            <numerusform>{0} من لا خطوات</numerusform>
            <numerusform>{0} من خطوة واحدة</numerusform>
            <numerusform>{0} من خطوتين</numerusform>
            <numerusform>{0} من %Ln خطوات</numerusform>
            <numerusform>{0} من %Ln خطوة</numerusform>
            <numerusform>{0} من %Ln خطوة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Translations into {0}: %Ln changed</source>
        <translation>
            <numerusform>الترجمات إلى {0}: لم يتغير شيء</numerusform>
            <numerusform>الترجمات إلى {0}: تغيّرت ترجمة واحدة</numerusform>
            <numerusform>الترجمات إلى {0}: تغيّرت ترجمتان</numerusform>
            <numerusform>الترجمات إلى {0}: تغيّرت %Ln ترجمات</numerusform>
            <numerusform>الترجمات إلى {0}: تغيّرت %Ln ترجمة</numerusform>
            <numerusform>الترجمات إلى {0}: تغيّرت %Ln ترجمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;{0}&apos; holds %Ln change(s) the server never took, kept only on this computer. Export the run first to keep them. Remove it anyway?</source>
        <translation>
            <numerusform>«{0}» لا تحتوي على أي تغيير لم يقبله الخادم.</numerusform>
            <numerusform>«{0}» تحتوي على تغيير واحد لم يقبله الخادم قط، محفوظ على هذا الحاسوب فقط. صدّر التشغيل أولًا للاحتفاظ به. أتريد إزالته رغم ذلك؟</numerusform>
            <numerusform>«{0}» تحتوي على تغييرين لم يقبلهما الخادم قط، محفوظين على هذا الحاسوب فقط. صدّر التشغيل أولًا للاحتفاظ بهما. أتريد إزالته رغم ذلك؟</numerusform>
            <numerusform>«{0}» تحتوي على %Ln تغييرات لم يقبلها الخادم قط، محفوظة على هذا الحاسوب فقط. صدّر التشغيل أولًا للاحتفاظ بها. أتريد إزالته رغم ذلك؟</numerusform>
            <numerusform>«{0}» تحتوي على %Ln تغييرًا لم يقبله الخادم قط، محفوظًا على هذا الحاسوب فقط. صدّر التشغيل أولًا للاحتفاظ به. أتريد إزالته رغم ذلك؟</numerusform>
            <numerusform>«{0}» تحتوي على %Ln تغيير لم يقبلها الخادم قط، محفوظة على هذا الحاسوب فقط. صدّر التشغيل أولًا للاحتفاظ بها. أتريد إزالته رغم ذلك؟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>the system keyring ({0})</source>
        <translation>سلسلة مفاتيح النظام ({0})</translation>
    </message>
    <message>
        <source>{0} (readable only by you)</source>
        <translation>{0} (لا يقرؤه أحد سواك)</translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message>
        <source>Days in {0}</source>
        <translation>الأيام في {0}</translation>
    </message>
    <message>
        <source>A period covers a year at most: the other date moved to {0}.</source>
        <translation>تغطي الفترة سنة على الأكثر: نُقل التاريخ الآخر إلى {0}.</translation>
    </message>
    <message>
        <source>Templates could not be loaded. {0}</source>
        <translation>تعذّر تحميل القوالب. {0}</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>أحدث إصدار</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>الإصدار {0}</translation>
    </message>
    <message>
        <source>The numbers could not be loaded. {0}</source>
        <translation>تعذّر تحميل الأرقام. {0}</translation>
    </message>
    <message>
        <source>Nothing to show yet.
Create a template on the Templates page, then dispatch a run from the Runs page: how your runs go will show here.</source>
        <translation>لا شيء لعرضه بعد.
أنشئ قالبًا في صفحة القوالب، ثم أرسل مهمة من صفحة المهام: سيظهر هنا سير مهامك.</translation>
    </message>
    <message>
        <source>No runs match these filters between {0} and {1}.</source>
        <translation>لا توجد مهام تطابق عوامل التصفية هذه بين {0} و{1}.</translation>
    </message>
    <message>
        <source>No runs were dispatched between {0} and {1}.
Dispatch a run from the Runs page, or choose a longer period.</source>
        <translation>لم تُرسل أي مهمة بين {0} و{1}.
أرسل مهمة من صفحة المهام، أو اختر فترة أطول.</translation>
    </message>
    <message>
        <source>Answers per step</source>
        <translation>الإجابات لكل خطوة</translation>
    </message>
    <message>
        <source>Choose a template above to see how each of its steps was answered.</source>
        <translation>اختر قالبًا في الأعلى لترى كيف أُجيب عن كل خطوة من خطواته.</translation>
    </message>
    <message>
        <source>Answers per step — {0}, version {1}</source>
        <translation>الإجابات لكل خطوة — {0}، الإصدار {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s) of this version in the period. Findings are marked “⚠ finding” and drawn in orange; every chart&apos;s numbers are on its Numbers tab.</source>
        <translation>
            <numerusform>لا مهام من هذا الإصدار في الفترة. الملاحظات مُعلَّمة بـ «⚠ ملاحظة» ومرسومة بالبرتقالي؛ أرقام كل مخطط في تبويب الأرقام الخاص به.</numerusform>
            <numerusform>مهمة واحدة من هذا الإصدار في الفترة. الملاحظات مُعلَّمة بـ «⚠ ملاحظة» ومرسومة بالبرتقالي؛ أرقام كل مخطط في تبويب الأرقام الخاص به.</numerusform>
            <numerusform>مهمتان من هذا الإصدار في الفترة. الملاحظات مُعلَّمة بـ «⚠ ملاحظة» ومرسومة بالبرتقالي؛ أرقام كل مخطط في تبويب الأرقام الخاص به.</numerusform>
            <numerusform>%Ln مهام من هذا الإصدار في الفترة. الملاحظات مُعلَّمة بـ «⚠ ملاحظة» ومرسومة بالبرتقالي؛ أرقام كل مخطط في تبويب الأرقام الخاص به.</numerusform>
            <numerusform>%Ln مهمة من هذا الإصدار في الفترة. الملاحظات مُعلَّمة بـ «⚠ ملاحظة» ومرسومة بالبرتقالي؛ أرقام كل مخطط في تبويب الأرقام الخاص به.</numerusform>
            <numerusform>%Ln مهمة من هذا الإصدار في الفترة. الملاحظات مُعلَّمة بـ «⚠ ملاحظة» ومرسومة بالبرتقالي؛ أرقام كل مخطط في تبويب الأرقام الخاص به.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} answered, {1} skipped, %Ln finding(s)</source>
        <translation>
            <numerusform>أُجيب: {0}، تُخطّي: {1}، لا ملاحظات</numerusform>
            <numerusform>أُجيب: {0}، تُخطّي: {1}، ملاحظة واحدة</numerusform>
            <numerusform>أُجيب: {0}، تُخطّي: {1}، ملاحظتان</numerusform>
            <numerusform>أُجيب: {0}، تُخطّي: {1}، %Ln ملاحظات</numerusform>
            <numerusform>أُجيب: {0}، تُخطّي: {1}، %Ln ملاحظة</numerusform>
            <numerusform>أُجيب: {0}، تُخطّي: {1}، %Ln ملاحظة</numerusform>
        </translation>
    </message>
    <message>
        <source>Rundun dashboard — {0} to {1}</source>
        <translation>لوحة معلومات Rundun — من {0} إلى {1}</translation>
    </message>
    <message>
        <source>Period: {0}</source>
        <translation>الفترة: {0}</translation>
    </message>
    <message>
        <source>Template: {0}</source>
        <translation>القالب: {0}</translation>
    </message>
    <message>
        <source>Version: {0}</source>
        <translation>الإصدار: {0}</translation>
    </message>
    <message>
        <source>Executor: {0}</source>
        <translation>المنفّذ: {0}</translation>
    </message>
    <message>
        <source>Executor: any</source>
        <translation>المنفّذ: أيّ منفّذ</translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation>فشل التصدير: {0}</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>حُفظ {0}.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المعلومات</translation>
    </message>
    <message>
        <source>How the work is going, and which answers need action</source>
        <translation>كيف يسير العمل، وأي الإجابات تحتاج إلى إجراء</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation>تحديث لوحة المعلومات</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Export the page as a PNG image</source>
        <translation>تصدير الصفحة كصورة PNG</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Export the page as an A4 PDF</source>
        <translation>تصدير الصفحة كملف PDF بحجم A4</translation>
    </message>
    <message>
        <source>Runs by status</source>
        <translation>المهام حسب الحالة</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message numerus="yes">
        <source>Last %Ln day(s)</source>
        <translation>
            <numerusform>آخر 0 يوم</numerusform>
            <numerusform>آخر يوم</numerusform>
            <numerusform>آخر يومين</numerusform>
            <numerusform>آخر %Ln أيام</numerusform>
            <numerusform>آخر %Ln يومًا</numerusform>
            <numerusform>آخر %Ln يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>مخصّص…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>إصدار القالب</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>أحدث إصدار</translation>
    </message>
    <message>
        <source>Executor reference</source>
        <translation>مرجع المنفّذ</translation>
    </message>
    <message>
        <source>Export the dashboard as {0}</source>
        <translation>تصدير لوحة المعلومات بصيغة {0}</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Calendar</source>
        <translation>التقويم</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;إنهاء</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;About Rundun</source>
        <translation>&amp;حول Rundun</translation>
    </message>
    <message>
        <source>Open rundun:// links with Rundun?</source>
        <translation>فتح روابط rundun:// باستخدام Rundun؟</translation>
    </message>
    <message>
        <source>Run links sent as rundun://… can open straight in this app. Register Rundun for them?</source>
        <translation>روابط المهام المرسلة بصيغة rundun://… يمكن أن تُفتح مباشرة في هذا التطبيق. هل تريد تسجيل Rundun لها؟</translation>
    </message>
</context>
<context>
    <name>DispatchController</name>
    <message>
        <source>A link lasts from {0} hours up to a year ({1} hours). For a link that never expires, tick No expiry.</source>
        <translation>تبقى الروابط صالحة من {0} ساعة إلى سنة ({1} ساعة). لرابط لا تنتهي صلاحيته أبدًا، حدّد «بلا انتهاء».</translation>
    </message>
    <message>
        <source>Templates could not be loaded. {0}</source>
        <translation>تعذّر تحميل القوالب. {0}</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>لا توجد قوالب بعد</translation>
    </message>
    <message>
        <source>There are no templates yet. Create one on the Templates page first.</source>
        <translation>لا توجد قوالب بعد. أنشئ قالبًا في صفحة القوالب أولًا.</translation>
    </message>
    <message>
        <source>The organisation&apos;s name could not be saved. {0}</source>
        <translation>تعذّر حفظ اسم المؤسسة. {0}</translation>
    </message>
    <message>
        <source>Choose a template.</source>
        <translation>اختر قالبًا.</translation>
    </message>
    <message>
        <source>Enter the webhook URL, or untick the webhook.</source>
        <translation>أدخل عنوان URL للـ Webhook، أو ألغِ تحديد الـ Webhook.</translation>
    </message>
    <message>
        <source>Tick at least one event, or untick the webhook.</source>
        <translation>حدّد حدثًا واحدًا على الأقل، أو ألغِ تحديد الـ webhook.</translation>
    </message>
    <message>
        <source>Dispatching…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>The link works until {0}.</source>
        <translation>يعمل الرابط حتى {0}.</translation>
    </message>
    <message>
        <source>The link does not expire.</source>
        <translation>لا تنتهي صلاحية الرابط.</translation>
    </message>
    <message>
        <source>{0} for {1}.</source>
        <translation>{0} للمرجع {1}.</translation>
    </message>
    <message>
        <source>{0}, as written</source>
        <translation>{0}، كما كُتب</translation>
    </message>
</context>
<context>
    <name>DispatchDialogView</name>
    <message>
        <source>Dispatch a run</source>
        <translation>إرسال مهمة</translation>
    </message>
    <message>
        <source>Send a checklist to one person as a link.</source>
        <translation>أرسل قائمة تحقق إلى شخص واحد كرابط.</translation>
    </message>
    <message>
        <source>Loading templates…</source>
        <translation>جارٍ تحميل القوالب…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Your organisation&apos;s name, e.g. Acme Rentals</source>
        <translation>اسم مؤسستك، مثل: أكمي للتأجير</translation>
    </message>
    <message>
        <source>The person who opens the link reads who sent it; kept for every run (Settings → Plan and usage)</source>
        <translation>يرى من يفتح الرابط اسم المُرسِل؛ ويُحفظ لكل مهمة (الإعدادات ← الخطة والاستخدام)</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>المُرسِل</translation>
    </message>
    <message>
        <source>The language the run is in; the executor may switch to another of the template&apos;s</source>
        <translation>لغة المهمة؛ يمكن للمنفّذ التبديل إلى لغة أخرى من لغات القالب</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Your reference, e.g. booking_12345 (optional)</source>
        <translation>مرجعك، مثل booking_12345 (اختياري)</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>مرجع المنفّذ</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> ساعة</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>بلا انتهاء</translation>
    </message>
    <message>
        <source>Link expires in</source>
        <translation>تنتهي صلاحية الرابط بعد</translation>
    </message>
    <message>
        <source>Webhook (optional)</source>
        <translation>Webhook (اختياري)</translation>
    </message>
    <message>
        <source>https://your-app.com/hooks/rundun</source>
        <translation>https://your-app.com/hooks/rundun</translation>
    </message>
    <message>
        <source>whsec_… (signs each delivery; optional)</source>
        <translation>whsec_… (يوقّع كل تسليم؛ اختياري)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>السر</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Run dispatched</source>
        <translation>أُرسلت المهمة</translation>
    </message>
    <message>
        <source>Dispatch another</source>
        <translation>إرسال مهمة أخرى</translation>
    </message>
    <message>
        <source>Fill in here</source>
        <translation>املأه هنا</translation>
    </message>
    <message>
        <source>Open the run in this computer&apos;s Executor (then nobody else can open the link)</source>
        <translation>افتح التشغيل في المنفّذ على هذا الحاسوب (بعدها لا يستطيع أحد غيرك فتح الرابط)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
</context>
<context>
    <name>DocEditor</name>
    <message>
        <source>Change a field</source>
        <translation>تغيير حقل</translation>
    </message>
    <message>
        <source>Change “{0}”</source>
        <translation>تغيير «{0}»</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>تغيير النوع</translation>
    </message>
    <message>
        <source>Change step id</source>
        <translation>تغيير معرّف الخطوة</translation>
    </message>
    <message>
        <source>Change options</source>
        <translation>تغيير الخيارات</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>إضافة خطوة</translation>
    </message>
    <message>
        <source>Section {0}</source>
        <translation>القسم {0}</translation>
    </message>
    <message>
        <source>{0} (copy)</source>
        <translation>{0} (نسخة)</translation>
    </message>
    <message>
        <source>Duplicate section</source>
        <translation>تكرار القسم</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>تكرار الخطوة</translation>
    </message>
    <message>
        <source>Paste section</source>
        <translation>لصق القسم</translation>
    </message>
    <message>
        <source>Paste step</source>
        <translation>لصق الخطوة</translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message>
        <source>Undo {0} (Ctrl+Z)</source>
        <translation>تراجع عن {0} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo {0} (Ctrl+Shift+Z)</source>
        <translation>إعادة {0} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>(template)</source>
        <translation>(القالب)</translation>
    </message>
    <message>
        <source>Problems ({0})</source>
        <translation>المشكلات ({0})</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>المشكلات</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>⚠ لا مشكلات</numerusform>
            <numerusform>⚠ مشكلة واحدة</numerusform>
            <numerusform>⚠ مشكلتان</numerusform>
            <numerusform>⚠ %Ln مشكلات</numerusform>
            <numerusform>⚠ %Ln مشكلة</numerusform>
            <numerusform>⚠ %Ln مشكلة</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation>✓ صالح</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <source>Resolve…</source>
        <translation>حلّ…</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>متابعة التحرير</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>الترجمات</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>المشكلات</translation>
    </message>
    <message>
        <source>Delete {0}?</source>
        <translation>حذف {0}؟</translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s) show only on its answers: {0}. Their conditions would name a step that is gone.</source>
        <translation>
            <numerusform>لا خطوات تظهر بحسب إجاباتها: {0}.</numerusform>
            <numerusform>خطوة واحدة لا تظهر إلا بحسب إجاباتها: {0}. سيشير شرطها إلى خطوة لم تعد موجودة.</numerusform>
            <numerusform>خطوتان لا تظهران إلا بحسب إجاباتها: {0}. سيشير شرطاهما إلى خطوة لم تعد موجودة.</numerusform>
            <numerusform>%Ln خطوات لا تظهر إلا بحسب إجاباتها: {0}. ستشير شروطها إلى خطوة لم تعد موجودة.</numerusform>
            <numerusform>%Ln خطوة لا تظهر إلا بحسب إجاباتها: {0}. ستشير شروطها إلى خطوة لم تعد موجودة.</numerusform>
            <numerusform>%Ln خطوة لا تظهر إلا بحسب إجاباتها: {0}. ستشير شروطها إلى خطوة لم تعد موجودة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>لا تحذف</translation>
    </message>
    <message>
        <source>No problems: this template can be saved.</source>
        <translation>لا توجد مشكلات: يمكن حفظ هذا القالب.</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>إضافة خطوة</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>إضافة قسم</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>تكرار</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>لصق</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>نقل لأعلى</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>نقل لأسفل</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>الإصدارات</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
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
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>the embedded server stopped during start-up</source>
        <translation>توقف الخادم المدمج أثناء البدء</translation>
    </message>
    <message>
        <source>the embedded server did not start in time</source>
        <translation>لم يبدأ الخادم المدمج في الوقت المحدد</translation>
    </message>
</context>
<context>
    <name>EmptyPanel</name>
    <message>
        <source>Select a section or a step to edit it.</source>
        <translation>اختر قسمًا أو خطوة لتحريرها.</translation>
    </message>
</context>
<context>
    <name>FlagEditor</name>
    <message>
        <source>A finding when one of these is chosen:</source>
        <translation>ملاحظة عند اختيار أحد هذه الخيارات:</translation>
    </message>
    <message>
        <source>no lower limit</source>
        <translation>بلا حد أدنى</translation>
    </message>
    <message>
        <source>no upper limit</source>
        <translation>بلا حد أقصى</translation>
    </message>
    <message>
        <source>A finding below</source>
        <translation>ملاحظة تحت</translation>
    </message>
    <message>
        <source>or above</source>
        <translation>أو من</translation>
    </message>
    <message>
        <source>Never a finding</source>
        <translation>ليست ملاحظة أبدًا</translation>
    </message>
    <message>
        <source>A finding when the answer is {0}</source>
        <translation>ملاحظة عندما تكون الإجابة {0}</translation>
    </message>
    <message>
        <source>Option {0}</source>
        <translation>الخيار {0}</translation>
    </message>
    <message>
        <source>No answer to this step is a finding.</source>
        <translation>لا توجد إجابة عن هذه الخطوة تُعدّ ملاحظة.</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate a template</source>
        <translation>توليد قالب</translation>
    </message>
    <message>
        <source>Describe the checklist you need:</source>
        <translation>صِف قائمة التحقق التي تحتاجها:</translation>
    </message>
    <message>
        <source>e.g. Vehicle pre-rental inspection for a car rental company: exterior condition, fuel level, odometer, interior cleanliness, customer signature.</source>
        <translation>مثال: فحص المركبة قبل التأجير لشركة تأجير سيارات: الحالة الخارجية، مستوى الوقود، عدّاد المسافة، نظافة المقصورة، توقيع العميل.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>توليد</translation>
    </message>
    <message>
        <source>The checklist appears here, to try before you open it in the editor.</source>
        <translation>تظهر قائمة التحقق هنا لتجربتها قبل فتحها في المحرر.</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>فتح في المحرر</translation>
    </message>
    <message>
        <source>Write a description of 1 to {0} characters.</source>
        <translation>اكتب وصفًا من 1 إلى {0} حرف.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>جارٍ التوليد…</translation>
    </message>
    <message>
        <source>The generated template is not valid: {0}</source>
        <translation>القالب المولَّد غير صالح: {0}</translation>
    </message>
    <message>
        <source>{0} — {1}, {2}</source>
        <translation>{0} — {1}، {2}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln section(s)</source>
        <translation>
            <numerusform>لا أقسام</numerusform>
            <numerusform>قسم واحد</numerusform>
            <numerusform>قسمان</numerusform>
            <numerusform>%Ln أقسام</numerusform>
            <numerusform>%Ln قسمًا</numerusform>
            <numerusform>%Ln قسم</numerusform>
        </translation>
    </message>
    <message>
        <source>Review it here; nothing is saved until you save it in the editor.</source>
        <translation>راجعه هنا؛ لا يُحفظ شيء حتى تحفظه في المحرر.</translation>
    </message>
</context>
<context>
    <name>GeoInput</name>
    <message>
        <source>Location</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>خط العرض</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>خط الطول</translation>
    </message>
    <message>
        <source>± metres</source>
        <translation>± متر</translation>
    </message>
    <message>
        <source>Use my position</source>
        <translation>استخدام موقعي</translation>
    </message>
    <message>
        <source>Locating…</source>
        <translation>جارٍ تحديد الموقع…</translation>
    </message>
    <message>
        <source>This computer does not let the app read its position (check its location settings); type it in.</source>
        <translation>لا يسمح هذا الحاسوب للتطبيق بقراءة موقعه (تحقق من إعدادات الموقع)؛ اكتبه بنفسك.</translation>
    </message>
    <message>
        <source>The position service stopped; type the position in.</source>
        <translation>توقفت خدمة تحديد الموقع؛ اكتب الموقع بنفسك.</translation>
    </message>
    <message>
        <source>No position came from this computer in time; type it in.</source>
        <translation>لم يصل موقع من هذا الحاسوب في الوقت المحدد؛ اكتبه بنفسك.</translation>
    </message>
</context>
<context>
    <name>GroupBox</name>
    <message>
        <source>All of these are true</source>
        <translation>كل هذه الشروط متحققة</translation>
    </message>
    <message>
        <source>Any of these is true</source>
        <translation>أحد هذه الشروط متحقق</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>إزالة هذه المجموعة</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>الشرط</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
</context>
<context>
    <name>HoursBox</name>
    <message>
        <source>A link lasts from {0} hours up to a year ({1} hours).</source>
        <translation>تبقى الروابط صالحة من {0} ساعة إلى سنة ({1} ساعة).</translation>
    </message>
</context>
<context>
    <name>InboxController</name>
    <message>
        <source>Forget this finished run on this computer</source>
        <translation>نسيان هذه المهمة المنتهية على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Only finished runs can be removed: an unfinished one still has work to send</source>
        <translation>لا يمكن إزالة إلا المهام المنتهية: المهمة غير المنتهية ما زال لديها ما ترسله</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>جارٍ الفتح…</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>فتح المهمة</translation>
    </message>
    <message>
        <source>Could not export the run: {0}</source>
        <translation>تعذّر تصدير المهمة: {0}</translation>
    </message>
    <message>
        <source>Exported to {0}: run.json and the photo files.</source>
        <translation>صُدّر إلى {0}: run.json وملفات الصور.</translation>
    </message>
    <message>
        <source>Removed &apos;{0}&apos; from this computer.</source>
        <translation>أُزيلت «{0}» من هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Could not register rundun:// links: {0}</source>
        <translation>تعذّر تسجيل روابط rundun://: {0}</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>As last heard from the server (at {0}). Expires: {1}.</source>
        <translation>وفق آخر ما ورد من الخادم (في {0}). تنتهي: {1}.</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Executor</source>
        <translation>المنفّذ</translation>
    </message>
    <message>
        <source>Runs opened on this computer. Fill them with or without a network; every change is kept here and sent when the server answers.</source>
        <translation>المهام المفتوحة على هذا الحاسوب. املأها مع الشبكة أو بدونها؛ يُحفظ كل تغيير هنا ويُرسل عندما يردّ الخادم.</translation>
    </message>
    <message>
        <source>Open rundun:// links with Rundun</source>
        <translation>فتح روابط rundun:// باستخدام Rundun</translation>
    </message>
    <message>
        <source>Register this app for rundun:// run links (this user only)</source>
        <translation>تسجيل هذا التطبيق لروابط المهام rundun:// (لهذا المستخدم فقط)</translation>
    </message>
    <message>
        <source>Open a run</source>
        <translation>فتح مهمة</translation>
    </message>
    <message>
        <source>Paste the run link: {0}  or  {1}</source>
        <translation>الصق رابط المهمة: {0}  أو  {1}</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>فتح المهمة</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Your email</source>
        <translation>بريدك الإلكتروني</translation>
    </message>
    <message>
        <source>Your member sign-in token (rdm_…)</source>
        <translation>رمز دخولك كعضو (rdm_…)</translation>
    </message>
    <message>
        <source>No runs on this computer yet. Paste the link you were sent above.</source>
        <translation>لا توجد مهام على هذا الحاسوب بعد. الصق في الأعلى الرابط الذي وصلك.</translation>
    </message>
    <message>
        <source>Continue run</source>
        <translation>متابعة المهمة</translation>
    </message>
    <message>
        <source>Enter on the selected run</source>
        <translation>مفتاح الإدخال على المهمة المحددة</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Save the run&apos;s answers as JSON with its photo files</source>
        <translation>حفظ إجابات المهمة بصيغة JSON مع ملفات صورها</translation>
    </message>
    <message>
        <source>Remove from this computer</source>
        <translation>إزالة من هذا الحاسوب</translation>
    </message>
    <message>
        <source>Make this app open rundun:// run links for your user on this computer? This changes your desktop&apos;s settings for such links.</source>
        <translation>هل تريد أن يفتح هذا التطبيق روابط المهام rundun://‏ لمستخدمك على هذا الحاسوب؟ هذا يغيّر إعدادات سطح المكتب لمثل هذه الروابط.</translation>
    </message>
</context>
<context>
    <name>JsonSync</name>
    <message>
        <source>Valid TDL.</source>
        <translation>TDL صالح.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s).</source>
        <translation>
            <numerusform>لا مشكلات.</numerusform>
            <numerusform>مشكلة واحدة.</numerusform>
            <numerusform>مشكلتان.</numerusform>
            <numerusform>%Ln مشكلات.</numerusform>
            <numerusform>%Ln مشكلة.</numerusform>
            <numerusform>%Ln مشكلة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid JSON — line {0}, column {1}: {2}.</source>
        <translation>JSON غير صالح — السطر {0}، العمود {1}: {2}.</translation>
    </message>
    <message>
        <source>Not applied: {0}</source>
        <translation>لم يُطبَّق: {0}</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>طُبّق.</translation>
    </message>
    <message>
        <source>Editing… (applied when you pause)</source>
        <translation>جارٍ التحرير… (يُطبَّق عندما تتوقف)</translation>
    </message>
</context>
<context>
    <name>JsonView</name>
    <message>
        <source>line {0} · {1}: {2}</source>
        <translation>السطر {0} · {1}: {2}</translation>
    </message>
</context>
<context>
    <name>LeafRow</name>
    <message>
        <source>Remove this condition</source>
        <translation>إزالة هذا الشرط</translation>
    </message>
    <message>
        <source>a later step</source>
        <translation>خطوة لاحقة</translation>
    </message>
    <message>
        <source>not a step of this template</source>
        <translation>ليست خطوة في هذا القالب</translation>
    </message>
</context>
<context>
    <name>LengthLimit</name>
    <message>
        <source>Some text was cut: {0} characters at most</source>
        <translation>قُصّ جزء من النص: الحد الأقصى لعدد الأحرف {0}</translation>
    </message>
    <message>
        <source>{0} characters at most</source>
        <translation>الحد الأقصى لعدد الأحرف: {0}</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>This server has no template library.</source>
        <translation>ليس لهذا الخادم مكتبة قوالب.</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>New from library</source>
        <translation>جديد من المكتبة</translation>
    </message>
    <message>
        <source>Search the library: forklift, HACCP, move-out, scaffold…</source>
        <translation>ابحث في المكتبة: رافعة شوكية، HACCP، إخلاء، سقالة…</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>استخدام هذا</translation>
    </message>
    <message>
        <source>{0}
{1} · {2}</source>
        <translation>{0}
{1} · {2}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>لا قوالب</numerusform>
            <numerusform>قالب واحد</numerusform>
            <numerusform>قالبان</numerusform>
            <numerusform>%Ln قوالب</numerusform>
            <numerusform>%Ln قالبًا</numerusform>
            <numerusform>%Ln قالب</numerusform>
        </translation>
    </message>
    <message>
        <source>This library template is not valid: {0}</source>
        <translation>قالب المكتبة هذا غير صالح: {0}</translation>
    </message>
    <message>
        <source>Use this to open it in the editor; nothing is saved until you save it there.</source>
        <translation>استخدم هذا لفتحه في المحرر؛ لا يُحفظ شيء حتى تحفظه هناك.</translation>
    </message>
    <message>
        <source>Nothing in the library matches these words.</source>
        <translation>لا شيء في المكتبة يطابق هذه الكلمات.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>The event stream answered {0}.</source>
        <translation>ردّ بثّ الأحداث بـ {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0} plan
{1}</source>
        <translation>الخطة {0}
{1}</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>تحديثات مباشرة</translation>
    </message>
    <message>
        <source>Polling for updates</source>
        <translation>استطلاع التحديثات</translation>
    </message>
</context>
<context>
    <name>MainWindowView</name>
    <message>
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
</context>
<context>
    <name>MoveSectionCommand</name>
    <message>
        <source>Move section</source>
        <translation>نقل القسم</translation>
    </message>
</context>
<context>
    <name>MoveStepCommand</name>
    <message>
        <source>Move step</source>
        <translation>نقل الخطوة</translation>
    </message>
</context>
<context>
    <name>NewerVersionCheck</name>
    <message>
        <source>This template was deleted elsewhere. What you see stays open here: export it to keep a copy.</source>
        <translation>حُذف هذا القالب في مكان آخر. ما تراه يبقى مفتوحًا هنا: صدّره للاحتفاظ بنسخة منه.</translation>
    </message>
    <message>
        <source>Version {0} was made elsewhere while you edit version {1}. Your changes are kept: look at version {0} now, or keep editing and choose at Save.</source>
        <translation>أُنشئ الإصدار {0} في مكان آخر بينما تحرّر الإصدار {1}. تغييراتك محفوظة: اطّلع على الإصدار {0} الآن، أو تابع التحرير واختر عند الحفظ.</translation>
    </message>
    <message>
        <source>Look at version {0}…</source>
        <translation>عرض الإصدار {0}…</translation>
    </message>
    <message>
        <source>Updated to {0}, made elsewhere</source>
        <translation>حُدّث إلى {0}، أُنشئ في مكان آخر</translation>
    </message>
    <message>
        <source>The newer version could not be read</source>
        <translation>تعذّرت قراءة الإصدار الأحدث</translation>
    </message>
</context>
<context>
    <name>NodeDelegate</name>
    <message>
        <source> · {0} with problems</source>
        <translation> · بها مشكلات: {0}</translation>
    </message>
</context>
<context>
    <name>OptionRow</name>
    <message>
        <source>o-…</source>
        <translation>o-…</translation>
    </message>
    <message>
        <source>Option id (o-…): what the answer stores; change it with care</source>
        <translation>معرّف الخيار (o-…): ما تخزّنه الإجابة؛ غيّره بحذر</translation>
    </message>
    <message>
        <source>Option label</source>
        <translation>تسمية الخيار</translation>
    </message>
    <message>
        <source>Move option up</source>
        <translation>نقل الخيار لأعلى</translation>
    </message>
    <message>
        <source>Move option down</source>
        <translation>نقل الخيار لأسفل</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>إزالة الخيار</translation>
    </message>
</context>
<context>
    <name>OptionsEditor</name>
    <message>
        <source>Add option</source>
        <translation>إضافة خيار</translation>
    </message>
    <message>
        <source>Option {0}</source>
        <translation>الخيار {0}</translation>
    </message>
</context>
<context>
    <name>PhotoBrowser</name>
    <message>
        <source>Save photo</source>
        <translation>حفظ الصورة</translation>
    </message>
    <message>
        <source>Images (*{0})</source>
        <translation>صور (*{0})</translation>
    </message>
    <message>
        <source>The photo could not be saved: {0}</source>
        <translation>تعذّر حفظ الصورة: {0}</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>حُفظت في {0}.</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Ask for photos</source>
        <translation>طلب صور</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>على الأقل</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>على الأكثر</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photos…</source>
        <translation>إضافة صور…</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>التقاط صورة</translation>
    </message>
    <message>
        <source>or drop image files here · {0}</source>
        <translation>أو أفلت ملفات الصور هنا · {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) with the answer</source>
        <translation>
            <numerusform>لا صور مع الإجابة</numerusform>
            <numerusform>صورة واحدة مع الإجابة</numerusform>
            <numerusform>صورتان مع الإجابة</numerusform>
            <numerusform>%Ln صور مع الإجابة</numerusform>
            <numerusform>%Ln صورة مع الإجابة</numerusform>
            <numerusform>%Ln صورة مع الإجابة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>لا صور</numerusform>
            <numerusform>صورة واحدة</numerusform>
            <numerusform>صورتان</numerusform>
            <numerusform>%Ln صور</numerusform>
            <numerusform>%Ln صورة</numerusform>
            <numerusform>%Ln صورة</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}–{1} photos with the answer</source>
        <translation>{0}–{1} صور مع الإجابة</translation>
    </message>
    <message>
        <source>{0}–{1} photos</source>
        <translation>{0}–{1} صور</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>إضافة صور</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>السابقة ▶</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>◀ التالية</translation>
    </message>
    <message>
        <source>Save photo…</source>
        <translation>حفظ الصورة…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Also with the arrow keys</source>
        <translation>أيضًا بمفاتيح الأسهم</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
    <message>
        <source>This photo cannot be shown here; Save photo… keeps it as it is.</source>
        <translation>لا يمكن عرض هذه الصورة هنا؛ «حفظ الصورة…» يحفظها كما هي.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Previous section</source>
        <translation>القسم السابق</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>القسم التالي</translation>
    </message>
    <message>
        <source>Reset answers</source>
        <translation>إعادة تعيين الإجابات</translation>
    </message>
    <message numerus="yes">
        <source>The template has %Ln problem(s); the preview shows the last valid version.</source>
        <translation>
            <numerusform>ليس في القالب مشكلات؛ تعرض المعاينة آخر نسخة صالحة.</numerusform>
            <numerusform>في القالب مشكلة واحدة؛ تعرض المعاينة آخر نسخة صالحة.</numerusform>
            <numerusform>في القالب مشكلتان؛ تعرض المعاينة آخر نسخة صالحة.</numerusform>
            <numerusform>في القالب %Ln مشكلات؛ تعرض المعاينة آخر نسخة صالحة.</numerusform>
            <numerusform>في القالب %Ln مشكلة؛ تعرض المعاينة آخر نسخة صالحة.</numerusform>
            <numerusform>في القالب %Ln مشكلة؛ تعرض المعاينة آخر نسخة صالحة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The template has %Ln problem(s); fix them to see the preview.</source>
        <translation>
            <numerusform>ليس في القالب مشكلات؛ أصلحها لترى المعاينة.</numerusform>
            <numerusform>في القالب مشكلة واحدة؛ أصلحها لترى المعاينة.</numerusform>
            <numerusform>في القالب مشكلتان؛ أصلحهما لترى المعاينة.</numerusform>
            <numerusform>في القالب %Ln مشكلات؛ أصلحها لترى المعاينة.</numerusform>
            <numerusform>في القالب %Ln مشكلة؛ أصلحها لترى المعاينة.</numerusform>
            <numerusform>في القالب %Ln مشكلة؛ أصلحها لترى المعاينة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Section {0} of {1}</source>
        <translation>القسم {0} من {1}</translation>
    </message>
    <message>
        <source>{0} of {1} answered</source>
        <translation>أُجيب عن {0} من {1}</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln step(s) hidden by conditions</source>
        <translation>
            <numerusform> · لا خطوات مخفية بالشروط</numerusform>
            <numerusform> · خطوة واحدة مخفية بالشروط</numerusform>
            <numerusform> · خطوتان مخفيتان بالشروط</numerusform>
            <numerusform> · %Ln خطوات مخفية بالشروط</numerusform>
            <numerusform> · %Ln خطوة مخفية بالشروط</numerusform>
            <numerusform> · %Ln خطوة مخفية بالشروط</numerusform>
        </translation>
    </message>
    <message>
        <source> · ready to complete</source>
        <translation> · جاهزة للإكمال</translation>
    </message>
    <message>
        <source> · {0} left before completion</source>
        <translation> · متبقٍّ {0} قبل الإكمال</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>“{0}” has changes that are not saved.</source>
        <translation>في «{0}» تغييرات غير محفوظة.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>متابعة التحرير</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>حذف القالب</translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation>حذف «{0}»؟</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Runs already dispatched keep their copy of the template.</source>
        <translation>المهام المرسلة سابقًا تحتفظ بنسختها من القالب.</translation>
    </message>
    <message>
        <source>• (no visible change)</source>
        <translation>• (لا تغيير ظاهر)</translation>
    </message>
    <message>
        <source>
• … and {0} more</source>
        <translation>
• … و{0} أخرى</translation>
    </message>
    <message>
        <source>The template changed on the server</source>
        <translation>تغيّر القالب على الخادم</translation>
    </message>
    <message>
        <source>You are editing version {0}, but the server now has version {1}.</source>
        <translation>أنت تحرر الإصدار {0}، لكن الخادم لديه الآن الإصدار {1}.</translation>
    </message>
    <message>
        <source>Save mine as version {0}</source>
        <translation>حفظ نسختي كإصدار {0}</translation>
    </message>
    <message>
        <source>Discard mine and load version {0}</source>
        <translation>تجاهل نسختي وتحميل الإصدار {0}</translation>
    </message>
    <message>
        <source>Changes made there since version {0}:
{1}</source>
        <translation>التغييرات التي جرت هناك منذ الإصدار {0}:
{1}</translation>
    </message>
    <message>
        <source>Import a template</source>
        <translation>استيراد قالب</translation>
    </message>
    <message>
        <source>Template JSON (*.json);;All files (*)</source>
        <translation>قالب JSON (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Export the template</source>
        <translation>تصدير القالب</translation>
    </message>
    <message>
        <source>Template JSON (*.json)</source>
        <translation>قالب JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>PropertiesController</name>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>لا خطوات</numerusform>
            <numerusform>خطوة واحدة</numerusform>
            <numerusform>خطوتان</numerusform>
            <numerusform>%Ln خطوات</numerusform>
            <numerusform>%Ln خطوة</numerusform>
            <numerusform>%Ln خطوة</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” is already an id in this template (each id is used once): the step keeps “{1}”.</source>
        <translation>«{0}» معرّف مستخدم بالفعل في هذا القالب (يُستخدم كل معرّف مرة واحدة): تحتفظ الخطوة بـ«{1}».</translation>
    </message>
</context>
<context>
    <name>RemoveSectionCommand</name>
    <message>
        <source>Delete section</source>
        <translation>حذف القسم</translation>
    </message>
</context>
<context>
    <name>RemoveStepCommand</name>
    <message>
        <source>Delete step</source>
        <translation>حذف الخطوة</translation>
    </message>
</context>
<context>
    <name>RunDetailController</name>
    <message>
        <source>Executor</source>
        <translation>المنفّذ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئت</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>فُتحت</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>حُدّثت</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>version {0}</source>
        <translation>الإصدار {0}</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>Cancel the run {0}? Its link stops working and the executor cannot finish it.</source>
        <translation>إلغاء المهمة ⁨{0}⁩؟ يتوقف رابطها عن العمل ولا يستطيع المنفّذ إنهاءها.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>This server does not keep answer history.</source>
        <translation>لا يحتفظ هذا الخادم بسجل الإجابات.</translation>
    </message>
    <message>
        <source>{0}, passed: only the executor who opened it can still send and complete it</source>
        <translation>{0}، انقضى: لا يستطيع الإرسال والإكمال الآن إلا المنفّذ الذي فتحها</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The answer history could not be loaded: {0}</source>
        <translation>تعذّر تحميل سجل الإجابات: {0}</translation>
    </message>
    <message>
        <source>This server does not report webhook deliveries.</source>
        <translation>لا يبلّغ هذا الخادم عن تسليمات الـ Webhook.</translation>
    </message>
    <message>
        <source>Webhook deliveries could not be loaded: {0}</source>
        <translation>تعذّر تحميل تسليمات الـ Webhook: {0}</translation>
    </message>
    <message>
        <source>This run was dispatched without a webhook.</source>
        <translation>أُرسلت هذه المهمة بلا Webhook.</translation>
    </message>
    <message>
        <source>Sent again.</source>
        <translation>أُرسل مجددًا.</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>إلغاء المهمة</translation>
    </message>
    <message>
        <source>The run was cancelled.</source>
        <translation>أُلغيت المهمة.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>نُسخ الرابط.</translation>
    </message>
    <message>
        <source>Export run as PDF</source>
        <translation>تصدير المهمة كملف PDF</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>جارٍ كتابة ملف PDF…</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>حُفظ في {0}.</translation>
    </message>
    <message>
        <source>The PDF could not be written: {0}</source>
        <translation>تعذّرت كتابة ملف PDF: {0}</translation>
    </message>
</context>
<context>
    <name>RunDetailView</name>
    <message>
        <source>Select a run to see its answers, photos and webhooks.</source>
        <translation>اختر مهمة لترى إجاباتها وصورها والـ Webhooks.</translation>
    </message>
    <message>
        <source>Close the run&apos;s detail (Escape)</source>
        <translation>إغلاق تفاصيل المهمة (Esc)</translation>
    </message>
    <message>
        <source>Close the run&apos;s detail</source>
        <translation>إغلاق تفاصيل المهمة</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>نسخ الرابط</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>إلغاء المهمة</translation>
    </message>
    <message>
        <source>On the executor&apos;s device</source>
        <translation>على جهاز المنفّذ</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <source>Webhook deliveries</source>
        <translation>تسليمات الـ Webhook</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>الإجابات</translation>
    </message>
    <message>
        <source>This run&apos;s template is not available.</source>
        <translation>قالب هذه المهمة غير متاح.</translation>
    </message>
    <message>
        <source>⚠ Finding — this answer needs action</source>
        <translation>⚠ ملاحظة — تحتاج هذه الإجابة إلى إجراء</translation>
    </message>
    <message>
        <source>{0} — photo {1}</source>
        <translation>{0} — الصورة {1}</translation>
    </message>
    <message>
        <source>GPS {0} · &lt;a href=&quot;{1}&quot;&gt;Open map&lt;/a&gt;</source>
        <translation>GPS {0} · &lt;a href=&quot;{1}&quot;&gt;فتح الخريطة&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Answer history</source>
        <translation>سجل الإجابات</translation>
    </message>
    <message>
        <source>No answer has been received yet.</source>
        <translation>لم تصل أي إجابة بعد.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln earlier write(s) not shown</source>
        <translation>
            <numerusform>لا عمليات كتابة سابقة مخفية</numerusform>
            <numerusform>عملية كتابة سابقة واحدة غير معروضة</numerusform>
            <numerusform>عمليتا كتابة سابقتان غير معروضتين</numerusform>
            <numerusform>%Ln عمليات كتابة سابقة غير معروضة</numerusform>
            <numerusform>%Ln عملية كتابة سابقة غير معروضة</numerusform>
            <numerusform>%Ln عملية كتابة سابقة غير معروضة</numerusform>
        </translation>
    </message>
    <message>
        <source>No webhook deliveries for this run.</source>
        <translation>لا توجد تسليمات Webhook لهذه المهمة.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>لا محاولات</numerusform>
            <numerusform>محاولة واحدة</numerusform>
            <numerusform>محاولتان</numerusform>
            <numerusform>%Ln محاولات</numerusform>
            <numerusform>%Ln محاولة</numerusform>
            <numerusform>%Ln محاولة</numerusform>
        </translation>
    </message>
    <message>
        <source>next try {0}</source>
        <translation>المحاولة التالية {0}</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>سُلّم</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>معلّق</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>إعادة التسليم</translation>
    </message>
</context>
<context>
    <name>RunnerController</name>
    <message>
        <source>This run is not on this computer.</source>
        <translation>هذه المهمة ليست على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>توقيعك</translation>
    </message>
    <message>
        <source>This run asks for your signature before it is completed.</source>
        <translation>تطلب هذه المهمة توقيعك قبل إكمالها.</translation>
    </message>
    <message>
        <source> · {0} skipped</source>
        <translation> · تُخطّي: {0}</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln still incomplete</source>
        <translation>
            <numerusform> · لا شيء غير مكتمل</numerusform>
            <numerusform> · خطوة واحدة غير مكتملة</numerusform>
            <numerusform> · خطوتان غير مكتملتين</numerusform>
            <numerusform> · %Ln خطوات غير مكتملة</numerusform>
            <numerusform> · %Ln خطوة غير مكتملة</numerusform>
            <numerusform> · %Ln خطوة غير مكتملة</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1} answered{2}</source>
        <translation>أُجيب عن {0} من {1}{2}</translation>
    </message>
    <message>
        <source>The server refused this: </source>
        <translation>رفض الخادم هذا: </translation>
    </message>
    <message>
        <source>The server refused this run.</source>
        <translation>رفض الخادم هذه المهمة.</translation>
    </message>
    <message>
        <source>To go on with it on this computer, open its link again in the Executor&apos;s inbox, with your member sign-in token: what waits here is sent then.</source>
        <translation>لمتابعتها على هذا الحاسوب، افتح رابطها مرة أخرى في صندوق الوارد لدى المنفّذ، مع رمز دخولك كعضو: عندها يُرسَل ما ينتظر هنا.</translation>
    </message>
    <message>
        <source>Completed and sent to the server.</source>
        <translation>اكتملت وأُرسلت إلى الخادم.</translation>
    </message>
    <message>
        <source>Completed on this computer. It will be sent as soon as the server can be reached.</source>
        <translation>اكتملت على هذا الحاسوب. ستُرسل حالما يمكن الوصول إلى الخادم.</translation>
    </message>
    <message>
        <source>You gave up this run. The server is told as soon as it can be reached.</source>
        <translation>تخلّيت عن هذه المهمة. سيُبلَّغ الخادم حالما يمكن الوصول إليه.</translation>
    </message>
    <message>
        <source>You gave up this run; the organisation has been told.</source>
        <translation>تخلّيت عن هذه المهمة؛ أُبلغت المؤسسة.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) chosen before Rundun stopped could not be kept: {0}</source>
        <translation>
            <numerusform>لم تُحفظ أي صورة: {0}</numerusform>
            <numerusform>تعذّر حفظ صورة واحدة اختيرت قبل توقف Rundun: {0}</numerusform>
            <numerusform>تعذّر حفظ صورتين اختيرتا قبل توقف Rundun: {0}</numerusform>
            <numerusform>تعذّر حفظ %Ln صور اختيرت قبل توقف Rundun: {0}</numerusform>
            <numerusform>تعذّر حفظ %Ln صورة اختيرت قبل توقف Rundun: {0}</numerusform>
            <numerusform>تعذّر حفظ %Ln صورة اختيرت قبل توقف Rundun: {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;li&gt;and {0} more&lt;/li&gt;</source>
        <translation>&lt;li&gt;و{0} أخرى&lt;/li&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln thing(s) still missing before this run can be completed&lt;/b&gt; (each links to its step):</source>
        <translation>
            <numerusform>&lt;b&gt;لا ينقص شيء قبل إكمال هذه المهمة&lt;/b&gt; (كلٌّ منها رابط إلى خطوته):</numerusform>
            <numerusform>&lt;b&gt;ما زال ينقص بند واحد قبل إكمال هذه المهمة&lt;/b&gt; (كلٌّ منها رابط إلى خطوته):</numerusform>
            <numerusform>&lt;b&gt;ما زال ينقص بندان قبل إكمال هذه المهمة&lt;/b&gt; (كلٌّ منها رابط إلى خطوته):</numerusform>
            <numerusform>&lt;b&gt;ما زال ينقص %Ln بنود قبل إكمال هذه المهمة&lt;/b&gt; (كلٌّ منها رابط إلى خطوته):</numerusform>
            <numerusform>&lt;b&gt;ما زال ينقص %Ln بندًا قبل إكمال هذه المهمة&lt;/b&gt; (كلٌّ منها رابط إلى خطوته):</numerusform>
            <numerusform>&lt;b&gt;ما زال ينقص %Ln بند قبل إكمال هذه المهمة&lt;/b&gt; (كلٌّ منها رابط إلى خطوته):</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the run: {0}</source>
        <translation>تعذّر تصدير المهمة: {0}</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>صُدّر إلى {0}</translation>
    </message>
</context>
<context>
    <name>RunnerView</name>
    <message>
        <source>← Inbox</source>
        <translation>→ الوارد</translation>
    </message>
    <message>
        <source>Back to the runs on this computer (Esc)</source>
        <translation>العودة إلى المهام على هذا الحاسوب (Esc)</translation>
    </message>
    <message>
        <source>Sections (Alt+← / Alt+→ to move between them)</source>
        <translation>الأقسام (Alt+← / Alt+→ للتنقل بينها)</translation>
    </message>
    <message>
        <source>◀ Previous section</source>
        <translation>▶ القسم السابق</translation>
    </message>
    <message>
        <source>Alt+← or Ctrl+PgUp</source>
        <translation>Alt+← أو Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Next section ▶</source>
        <translation>القسم التالي ◀</translation>
    </message>
    <message>
        <source>Alt+→ or Ctrl+PgDown</source>
        <translation>Alt+→ أو Ctrl+PgDown</translation>
    </message>
    <message>
        <source>Complete this run? Its answers cannot be changed afterwards. It is sent as soon as the server can be reached.</source>
        <translation>إكمال هذه المهمة؟ لا يمكن تغيير إجاباتها بعد ذلك. ستُرسل حالما يمكن الوصول إلى الخادم.</translation>
    </message>
    <message>
        <source>Complete now</source>
        <translation>إكمال الآن</translation>
    </message>
    <message>
        <source>Give up this run? The organisation is told that you exited it; it cannot be resumed.</source>
        <translation>التخلي عن هذه المهمة؟ ستُبلَّغ المؤسسة بأنك خرجت منها؛ ولا يمكن استئنافها.</translation>
    </message>
    <message>
        <source>Give up the run</source>
        <translation>التخلي عن المهمة</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>السبب (اختياري)</translation>
    </message>
    <message>
        <source>Give up run…</source>
        <translation>التخلي عن المهمة…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Save the answers as JSON with the photo files</source>
        <translation>حفظ الإجابات بصيغة JSON مع ملفات الصور</translation>
    </message>
    <message>
        <source>Complete run</source>
        <translation>إكمال المهمة</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Runs could not be loaded. {0}</source>
        <translation>تعذّر تحميل المهام. {0}</translation>
    </message>
    <message>
        <source>New: {0}, shown when the pointer leaves the list</source>
        <translation>جديد: {0}، تظهر حين يغادر المؤشر القائمة</translation>
    </message>
    <message>
        <source>New or changed since this order was read: {0}. &lt;a href=&apos;#&apos;&gt;Sort them in&lt;/a&gt;</source>
        <translation>جديدة أو متغيّرة منذ قراءة هذا الترتيب: {0}. &lt;a href=&apos;#&apos;&gt;رتّبها في مكانها&lt;/a&gt;</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● مباشر</translation>
    </message>
    <message>
        <source>◌ Polling</source>
        <translation>◌ استطلاع</translation>
    </message>
    <message>
        <source>Updates stream from the server as they happen.</source>
        <translation>تصل التحديثات من الخادم فور حدوثها.</translation>
    </message>
    <message>
        <source>The event stream is unavailable: checking for changes every few seconds.</source>
        <translation>بثّ الأحداث غير متاح: يجري التحقق من التغييرات كل بضع ثوانٍ.</translation>
    </message>
    <message>
        <source>No run&apos;s executor ref starts with “{0}”.</source>
        <translation>لا توجد مهمة يبدأ مرجع منفّذها بـ «{0}».</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>لا توجد مهام تطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
        <source>No runs yet, and no template to dispatch: make one on the Templates page first, or start from the library there.</source>
        <translation>لا توجد مهام بعد، ولا قالب لإرسالها: أنشئ قالبًا أولًا في صفحة القوالب، أو ابدأ هناك من المكتبة.</translation>
    </message>
    <message>
        <source>No runs yet. Dispatch one to get a link for an executor.</source>
        <translation>لا توجد مهام بعد. أرسل مهمة لتحصل على رابط لمنفّذ.</translation>
    </message>
    <message>
        <source>Export runs as CSV</source>
        <translation>تصدير المهام بصيغة CSV</translation>
    </message>
    <message>
        <source>Exporting… {0}</source>
        <translation>جارٍ التصدير… {0}</translation>
    </message>
    <message>
        <source>Exported {0} to {1}.</source>
        <translation>صُدّر {0} إلى {1}.</translation>
    </message>
    <message>
        <source>The CSV export failed: {0}</source>
        <translation>فشل تصدير CSV: {0}</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>تصدير CSV</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Click to sort the runs by this column</source>
        <translation>انقر لترتيب المهام حسب هذا العمود</translation>
    </message>
    <message>
        <source>Runs cannot be sorted by this column</source>
        <translation>لا يمكن ترتيب المهام حسب هذا العمود</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Cancelled: {0}</source>
        <translation>ملغاة: {0}</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Runs</source>
        <translation>المهام</translation>
    </message>
    <message>
        <source>Every dispatched checklist, live as executors work.</source>
        <translation>كل قائمة تحقق مرسلة، مباشرة أثناء عمل المنفّذين.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>تصدير CSV</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>The selected runs (or, with one or none selected, every run of this list) as PDF reports</source>
        <translation>المهام المحددة (أو كل مهام هذه القائمة إذا حُددت مهمة واحدة أو لم يُحدد شيء) كتقارير PDF</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>إعادة تحميل القائمة</translation>
    </message>
    <message>
        <source>Dispatch run</source>
        <translation>إرسال مهمة</translation>
    </message>
    <message>
        <source>Executor ref…</source>
        <translation>مرجع المنفّذ…</translation>
    </message>
    <message>
        <source>Shows the runs whose executor ref starts with this (case counts)</source>
        <translation>يعرض التشغيلات التي يبدأ مرجع منفّذها بهذا النص (مع مراعاة حالة الأحرف)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <source>Any findings</source>
        <translation>كل الملاحظات</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>بها ملاحظات</translation>
    </message>
    <message>
        <source>Without findings</source>
        <translation>بلا ملاحظات</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>كل القوالب</translation>
    </message>
    <message>
        <source>Waiting on a device</source>
        <translation>بانتظار جهاز</translation>
    </message>
    <message>
        <source>Only runs whose executor&apos;s device still holds changes not yet sent to the server.</source>
        <translation>فقط المهام التي ما زال جهاز منفّذها يحتفظ بتغييرات لم تُرسل إلى الخادم.</translation>
    </message>
    <message>
        <source>One PDF (*.pdf)</source>
        <translation>ملف PDF واحد (*.pdf)</translation>
    </message>
    <message>
        <source>ZIP of PDFs, one per run (*.zip)</source>
        <translation>ملف ZIP فيه ملف PDF لكل مهمة (*.zip)</translation>
    </message>
    <message>
        <source>Save the reports of {0}</source>
        <translation>حفظ تقارير {0}</translation>
    </message>
    <message>
        <source>Collecting the runs…</source>
        <translation>جارٍ جمع المهام…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message>
        <source>Untitled template</source>
        <translation>قالب بلا عنوان</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>لم يُحفظ بعد</translation>
    </message>
    <message>
        <source> · unsaved changes</source>
        <translation> · غير محفوظ</translation>
    </message>
    <message>
        <source> · saved</source>
        <translation> · محفوظ</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: ⚠ %Ln problem(s)</source>
        <translation>
            <numerusform>لم يُحفظ: ⚠ لا مشكلات</numerusform>
            <numerusform>لم يُحفظ: ⚠ مشكلة واحدة</numerusform>
            <numerusform>لم يُحفظ: ⚠ مشكلتان</numerusform>
            <numerusform>لم يُحفظ: ⚠ %Ln مشكلات</numerusform>
            <numerusform>لم يُحفظ: ⚠ %Ln مشكلة</numerusform>
            <numerusform>لم يُحفظ: ⚠ %Ln مشكلة</numerusform>
        </translation>
    </message>
    <message>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source>The template was not saved</source>
        <translation>لم يُحفظ القالب</translation>
    </message>
    <message>
        <source>Not saved: the server has version {0}, newer than the version {1} you are editing. Save again to choose between your version and theirs.</source>
        <translation>لم يُحفظ: لدى الخادم الإصدار {0}، وهو أحدث من الإصدار {1} الذي تحرره. احفظ مجددًا لتختار بين نسختك ونسختهم.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>No versions yet</source>
        <translation>لا توجد إصدارات بعد</translation>
    </message>
    <message>
        <source>Save the template first; every save keeps a version.</source>
        <translation>احفظ القالب أولًا؛ كل حفظ يحتفظ بإصدار.</translation>
    </message>
    <message>
        <source>Versions unavailable</source>
        <translation>الإصدارات غير متاحة</translation>
    </message>
    <message>
        <source>Restore version {0}</source>
        <translation>استعادة الإصدار {0}</translation>
    </message>
    <message>
        <source>The template was not exported</source>
        <translation>لم يُصدَّر القالب</translation>
    </message>
    <message>
        <source>{0} could not be written: {1}.</source>
        <translation>تعذّرت كتابة {0}: {1}.</translation>
    </message>
    <message>
        <source>Template exported</source>
        <translation>صُدّر القالب</translation>
    </message>
    <message>
        <source>“{0}” was saved as {1}.</source>
        <translation>حُفظ «{0}» باسم {1}.</translation>
    </message>
</context>
<context>
    <name>SecretReveal</name>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
</context>
<context>
    <name>SectionPanel</name>
    <message>
        <source>Section</source>
        <translation>القسم</translation>
    </message>
    <message>
        <source>Section title</source>
        <translation>عنوان القسم</translation>
    </message>
    <message>
        <source>g-…</source>
        <translation>g-…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Drag steps to reorder them, within this section or into another one. Alt+↑ / Alt+↓ moves the selected step or section.</source>
        <translation>اسحب الخطوات لإعادة ترتيبها، داخل هذا القسم أو إلى قسم آخر. Alt+↑ / Alt+↓ ينقل الخطوة أو القسم المحدد.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Unlimited runs</source>
        <translation>مهام غير محدودة</translation>
    </message>
    <message>
        <source>{0} runs / month</source>
        <translation>{0} مهمة / شهر</translation>
    </message>
    <message>
        <source>System default ({0})</source>
        <translation>افتراضي النظام ({0})</translation>
    </message>
    <message>
        <source>Rundun speaks {0} from its next start.</source>
        <translation>سيتحدث Rundun بـ{0} من تشغيله التالي.</translation>
    </message>
    <message>
        <source>Run credits: {0} (used once the plan&apos;s runs are spent)</source>
        <translation>أرصدة المهام: {0} (تُستخدم بعد نفاد مهام الخطة)</translation>
    </message>
    <message>
        <source>Period {0}</source>
        <translation>الفترة {0}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>حُفظ.</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>أعطِ المفتاح اسمًا لتعرف لاحقًا أين يُستخدم.</translation>
    </message>
    <message>
        <source>New key “{0}”</source>
        <translation>مفتاح جديد «{0}»</translation>
    </message>
    <message>
        <source>

This app itself uses this key.</source>
        <translation>

هذا التطبيق نفسه يستخدم هذا المفتاح.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>إلغاء المفتاح</translation>
    </message>
    <message>
        <source>Revoke “{0}”? Requests with it will be refused.</source>
        <translation>إلغاء «{0}»؟ ستُرفض الطلبات التي تستخدمه.</translation>
    </message>
    <message>
        <source>The key was revoked.</source>
        <translation>أُلغي المفتاح.</translation>
    </message>
    <message>
        <source>The key was revoked. This app now uses a new key of its own.</source>
        <translation>أُلغي المفتاح. يستخدم هذا التطبيق الآن مفتاحًا جديدًا خاصًا به.</translation>
    </message>
    <message>
        <source>Enter the member&apos;s name and email.</source>
        <translation>أدخل اسم العضو وبريده الإلكتروني.</translation>
    </message>
    <message>
        <source>Sign-in token for {0}</source>
        <translation>رمز الدخول لـ {0}</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>إزالة العضو</translation>
    </message>
    <message>
        <source>Remove {0}? Their sign-in token stops working.</source>
        <translation>إزالة {0}؟ سيتوقف رمز دخوله عن العمل.</translation>
    </message>
    <message>
        <source>The member was removed.</source>
        <translation>أُزيل العضو.</translation>
    </message>
    <message>
        <source>Data in {0}</source>
        <translation>البيانات في {0}</translation>
    </message>
    <message>
        <source>API keys are kept in {0}.</source>
        <translation>تُحفظ مفاتيح API في {0}.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL and an API key for it.</source>
        <translation>أدخل عنوان URL للخادم ومفتاح API له.</translation>
    </message>
    <message>
        <source>Connected to {0}.</source>
        <translation>متصل بـ {0}.</translation>
    </message>
    <message>
        <source>Using the embedded server.</source>
        <translation>يُستخدم الخادم المدمج.</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>تعذّر الاتصال: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Your organisation, its plan, API keys and members, and the server.</source>
        <translation>مؤسستك وخطتها ومفاتيح API والأعضاء، والخادم.</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>المشاركة</translation>
    </message>
    <message>
        <source>Plan and usage</source>
        <translation>الخطة والاستخدام</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> ساعة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Default link expiry</source>
        <translation>مدة صلاحية الروابط الافتراضية</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>الخطط</translation>
    </message>
    <message>
        <source>Name of the new key, e.g. Booking system</source>
        <translation>اسم المفتاح الجديد، مثل نظام الحجز</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>إنشاء مفتاح</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>مفاتيح API</translation>
    </message>
    <message>
        <source>Copy the API key now: it is shown only this once. Rundun keeps only its SHA-256.</source>
        <translation>انسخ مفتاح API الآن: لن يُعرض إلا هذه المرة. لا يحتفظ Rundun إلا ببصمة SHA-256 الخاصة به.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>إضافة عضو</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Copy the sign-in token now: it is shown only this once. Rundun keeps only its SHA-256.</source>
        <translation>انسخ رمز الدخول الآن: لن يُعرض إلا هذه المرة. لا يحتفظ Rundun إلا ببصمة SHA-256 الخاصة به.</translation>
    </message>
    <message>
        <source>No members yet. A member fills in runs of templates that ask who does them, signing in with a token shown once, here, when they are added.</source>
        <translation>لا يوجد أعضاء بعد. يملأ العضو مهام القوالب التي تسأل عمّن يقوم بها، ويسجّل الدخول برمز يظهر مرة واحدة هنا عند إضافته.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>لغة التطبيق</translation>
    </message>
    <message>
        <source>The words of the app, and how it writes dates and numbers. A template&apos;s own texts are in the languages its designer wrote (the editor&apos;s Translations tab).</source>
        <translation>كلمات التطبيق وطريقة كتابته للتواريخ والأرقام. أما نصوص القالب فهي باللغات التي كتبها بها مصمّمه (تبويب الترجمات في المحرر).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <source>Embedded server on this computer (the default)</source>
        <translation>الخادم المدمج على هذا الحاسوب (الافتراضي)</translation>
    </message>
    <message>
        <source>A remote Rundun server</source>
        <translation>خادم Rundun بعيد</translation>
    </message>
    <message>
        <source>https://api.rundun.example</source>
        <translation>https://api.rundun.example</translation>
    </message>
    <message>
        <source>rdk_live_…</source>
        <translation>rdk_live_…</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>الاتصال</translation>
    </message>
</context>
<context>
    <name>SharingController</name>
    <message>
        <source>This app uses a remote server: its links are as that server makes them.</source>
        <translation>يستخدم هذا التطبيق خادمًا بعيدًا: روابطه كما يصنعها ذلك الخادم.</translation>
    </message>
    <message>
        <source>Run links start with {0}.</source>
        <translation>تبدأ روابط المهام بـ {0}.</translation>
    </message>
    <message>
        <source>they open on this computer only</source>
        <translation>تُفتح على هذا الحاسوب فقط</translation>
    </message>
    <message>
        <source>phones and computers that reach this address open them</source>
        <translation>تفتحها الهواتف والحواسيب التي تصل إلى هذا العنوان</translation>
    </message>
    <message>
        <source>Run links start with {0}: {1}.</source>
        <translation>تبدأ روابط المهام بـ {0}: {1}.</translation>
    </message>
    <message>
        <source>The server listens on this computer&apos;s network address, {0}: links start with http://{1}:{2}.</source>
        <translation>يستمع الخادم على عنوان شبكة هذا الحاسوب، {0}: تبدأ الروابط بـ http://{1}:{2}.</translation>
    </message>
    <message>
        <source>This computer has no local network address right now (is it connected to a network?).</source>
        <translation>ليس لهذا الحاسوب عنوان شبكة محلية الآن (هل هو متصل بشبكة؟).</translation>
    </message>
    <message>
        <source>Enter the public URL, starting with https:// (or http://).</source>
        <translation>أدخل عنوان URL العام، بدءًا بـ https:// (أو http://).</translation>
    </message>
    <message>
        <source>This computer has no local network address right now; connect it to a network first.</source>
        <translation>ليس لهذا الحاسوب عنوان شبكة محلية الآن؛ صِله بشبكة أولًا.</translation>
    </message>
    <message>
        <source>Done. {0}</source>
        <translation>تم. {0}</translation>
    </message>
    <message>
        <source>Photos added from now on are scaled to {0} px, JPEG quality {1}.</source>
        <translation>الصور المضافة من الآن تُصغَّر إلى {0} بكسل، بجودة JPEG {1}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>صفر يوم</numerusform>
            <numerusform>يومًا واحدًا</numerusform>
            <numerusform>يومين</numerusform>
            <numerusform>%Ln أيام</numerusform>
            <numerusform>%Ln يومًا</numerusform>
            <numerusform>%Ln يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic backups are kept {0}; older ones go at the next daily backup.</source>
        <translation>تُحفظ النسخ الاحتياطية التلقائية {0}؛ وتُحذف الأقدم عند النسخ اليومي التالي.</translation>
    </message>
</context>
<context>
    <name>SharingView</name>
    <message>
        <source>Who can open run links</source>
        <translation>من يمكنه فتح روابط المهام</translation>
    </message>
    <message>
        <source>Only this computer</source>
        <translation>هذا الحاسوب فقط</translation>
    </message>
    <message>
        <source>Phones and computers on this network</source>
        <translation>الهواتف والحواسيب على هذه الشبكة</translation>
    </message>
    <message>
        <source>A public URL that forwards to this computer</source>
        <translation>عنوان URL عام يحوّل إلى هذا الحاسوب</translation>
    </message>
    <message>
        <source>Links and QR codes open on this computer only (the safest choice).</source>
        <translation>تُفتح الروابط ورموز QR على هذا الحاسوب فقط (الخيار الأكثر أمانًا).</translation>
    </message>
    <message>
        <source>https://rundun.example.com (a tunnel or reverse proxy you set up)</source>
        <translation>https://rundun.example.com (نفق أو وكيل عكسي تُعدّه أنت)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <source>Restart the embedded server with this choice (a second or so)</source>
        <translation>إعادة تشغيل الخادم المدمج بهذا الخيار (ثانية أو نحوها)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> بكسل</translation>
    </message>
    <message>
        <source>Photos added in the executor</source>
        <translation>الصور المضافة في المنفّذ</translation>
    </message>
    <message>
        <source>Scaled down on this computer when they are added, so that they always fit the server; turned upright, with their place and time kept.</source>
        <translation>تُصغَّر على هذا الحاسوب عند إضافتها لتناسب الخادم دائمًا؛ وتُعدَّل لتكون مستقيمة، مع حفظ مكانها ووقتها.</translation>
    </message>
    <message>
        <source>Longest side</source>
        <translation>الضلع الأطول</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>جودة JPEG</translation>
    </message>
    <message>
        <source> days</source>
        <translation> يوم</translation>
    </message>
    <message>
        <source>Automatic backups of this workspace</source>
        <translation>النسخ الاحتياطية التلقائية لمساحة العمل هذه</translation>
    </message>
    <message>
        <source>Once a day the embedded server&apos;s runs, answers and photos are backed up into the workspace&apos;s backups folder; older automatic backups are deleted.</source>
        <translation>مرة يوميًا تُنسخ مهام الخادم المدمج وإجاباتها وصورها احتياطيًا إلى مجلد النسخ الاحتياطية في مساحة العمل؛ وتُحذف النسخ التلقائية الأقدم.</translation>
    </message>
    <message>
        <source>Keep them for</source>
        <translation>الاحتفاظ بها لمدة</translation>
    </message>
</context>
<context>
    <name>SignatureInput</name>
    <message>
        <source>or type your full name</source>
        <translation>أو اكتب اسمك الكامل</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>حفظ التوقيع</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>التوقيع مجددًا</translation>
    </message>
    <message>
        <source>Signed (stored on the server)</source>
        <translation>موقَّع (محفوظ على الخادم)</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>وقّع هنا</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <source>⚠ Finding: this answer needs action</source>
        <translation>⚠ ملاحظة: تحتاج هذه الإجابة إلى إجراء</translation>
    </message>
    <message numerus="yes">
        <source>Takes %Ln photo(s) with the answer</source>
        <translation>
            <numerusform>لا يأخذ صورًا مع الإجابة</numerusform>
            <numerusform>يأخذ صورة واحدة مع الإجابة</numerusform>
            <numerusform>يأخذ صورتين مع الإجابة</numerusform>
            <numerusform>يأخذ %Ln صور مع الإجابة</numerusform>
            <numerusform>يأخذ %Ln صورة مع الإجابة</numerusform>
            <numerusform>يأخذ %Ln صورة مع الإجابة</numerusform>
        </translation>
    </message>
    <message>
        <source>Takes {0}–{1} photos with the answer</source>
        <translation>يأخذ من {0} إلى {1} صور مع الإجابة</translation>
    </message>
    <message>
        <source>Records the location</source>
        <translation>يسجّل الموقع</translation>
    </message>
    <message>
        <source>The answer {0}.</source>
        <translation>الإجابة {0}.</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>اختر تاريخًا</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>التقاط صورة</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>توقيع</translation>
    </message>
    <message>
        <source>(this step&apos;s type is not valid)</source>
        <translation>(نوع هذه الخطوة غير صالح)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>تخطي هذه الخطوة</translation>
    </message>
    <message>
        <source>Saved on this computer when you pause typing or leave the field</source>
        <translation>يُحفظ على هذا الحاسوب عندما تتوقف عن الكتابة أو تغادر الحقل</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Step</source>
        <translation>الخطوة</translation>
    </message>
    <message>
        <source>s-…</source>
        <translation>s-…</translation>
    </message>
    <message>
        <source>The step id (s-…) that answers and conditions refer to</source>
        <translation>معرّف الخطوة (s-…) الذي تشير إليه الإجابات والشروط</translation>
    </message>
    <message>
        <source>What the executor is asked</source>
        <translation>ما يُسأل عنه المنفّذ</translation>
    </message>
    <message>
        <source>Optional help under the label</source>
        <translation>مساعدة اختيارية تحت التسمية</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <source>Record the location</source>
        <translation>تسجيل الموقع</translation>
    </message>
    <message>
        <source>Record where the executor is when answering (GPS), with the answer</source>
        <translation>تسجيل مكان المنفّذ عند الإجابة (GPS) مع الإجابة</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>تلميح</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>الصور</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Answer settings</source>
        <translation>إعدادات الإجابة</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>الشرط</translation>
    </message>
    <message>
        <source>{0} step</source>
        <translation>خطوة: {0}</translation>
    </message>
    <message>
        <source>Unknown type</source>
        <translation>نوع غير معروف</translation>
    </message>
</context>
<context>
    <name>StructureModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>Section {0} · {1}</source>
        <translation>القسم {0} · {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln step(s)</source>
        <translation>
            <numerusform>لا خطوات</numerusform>
            <numerusform>خطوة واحدة</numerusform>
            <numerusform>خطوتان</numerusform>
            <numerusform>%Ln خطوات</numerusform>
            <numerusform>%Ln خطوة</numerusform>
            <numerusform>%Ln خطوة</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} step {1}</source>
        <translation>الخطوة {1} ({0})</translation>
    </message>
    <message>
        <source>
Shown {0}</source>
        <translation>
تُعرض {0}</translation>
    </message>
</context>
<context>
    <name>StructureTree</name>
    <message>
        <source>No sections yet. Add one with Add section ({0}).</source>
        <translation>لا أقسام بعد. أضف قسمًا بـ«إضافة قسم» ({0}).</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sync now</source>
        <translation>مزامنة الآن</translation>
    </message>
    <message>
        <source>Try to send every waiting change now</source>
        <translation>محاولة إرسال كل تغيير منتظر الآن</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The run is {0}.</source>
        <translation>المهمة {0}.</translation>
    </message>
    <message>
        <source>This version cannot send a &apos;{0}&apos; change.</source>
        <translation>لا يستطيع هذا الإصدار إرسال تغيير من نوع «{0}».</translation>
    </message>
    <message>
        <source>This photo is {0}; the server refused it as too large.</source>
        <translation>حجم هذه الصورة {0}؛ رفضها الخادم لأنها كبيرة جدًا.</translation>
    </message>
    <message>
        <source>The photo file is missing on this computer; add the photo again.</source>
        <translation>ملف الصورة مفقود على هذا الحاسوب؛ أضف الصورة مجددًا.</translation>
    </message>
    <message>
        <source>The server did not complete the run:
</source>
        <translation>لم يُكمل الخادم المهمة:
</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Nothing to send yet</source>
        <translation>لا شيء للإرسال بعد</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>غير متصل بعد</translation>
    </message>
    <message>
        <source>everything is synced</source>
        <translation>كل شيء متزامن</translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>لا شيء بالانتظار</translation>
    </message>
    <message>
        <source>No answer from the server for {0} s</source>
        <translation>لا رد من الخادم منذ {0} ث</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
        <source>next try in {0} s</source>
        <translation>المحاولة التالية بعد {0} ث</translation>
    </message>
    <message>
        <source>{0} refused by the server</source>
        <translation>{0} رفضها الخادم</translation>
    </message>
</context>
<context>
    <name>TemplateListController</name>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Dispatch run…</source>
        <translation>إرسال مهمة…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>لا قوالب</numerusform>
            <numerusform>قالب واحد</numerusform>
            <numerusform>قالبان</numerusform>
            <numerusform>%Ln قوالب</numerusform>
            <numerusform>%Ln قالبًا</numerusform>
            <numerusform>%Ln قالب</numerusform>
        </translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <source>Copy of {0}</source>
        <translation>نسخة من {0}</translation>
    </message>
    <message>
        <source>Could not duplicate the template</source>
        <translation>تعذّر تكرار القالب</translation>
    </message>
    <message>
        <source>Could not delete the template</source>
        <translation>تعذّر حذف القالب</translation>
    </message>
    <message>
        <source>Could not import the file</source>
        <translation>تعذّر استيراد الملف</translation>
    </message>
    <message>
        <source>Not a template</source>
        <translation>ليس قالبًا</translation>
    </message>
    <message>
        <source>Could not export the template</source>
        <translation>تعذّر تصدير القالب</translation>
    </message>
    <message>
        <source>This server cannot generate templates yet.</source>
        <translation>لا يستطيع هذا الخادم توليد القوالب بعد.</translation>
    </message>
</context>
<context>
    <name>TemplateListView</name>
    <message>
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>البحث في القوالب</translation>
    </message>
    <message>
        <source>Finds templates by their name and description</source>
        <translation>يبحث عن القوالب بالاسم والوصف</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <source>From library…</source>
        <translation>من المكتبة</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>توليد</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Dispatch run…</source>
        <translation>إرسال مهمة…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>تكرار</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>قالب جديد</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>No templates yet.
Start from one of the library&apos;s ready-made checklists, describe one to generate it, build one step by step, or import a .json file.</source>
        <translation>لا توجد قوالب بعد.
ابدأ بإحدى قوائم التحقق الجاهزة في المكتبة، أو صِف قائمة لإنشائها، أو أنشئها خطوة بخطوة، أو استورد ملف ‎.json.</translation>
    </message>
    <message>
        <source>Start from the library…</source>
        <translation>ابدأ من المكتبة…</translation>
    </message>
    <message>
        <source>Generate from a description…</source>
        <translation>إنشاء من وصف…</translation>
    </message>
    <message>
        <source>No template matches the search or the tag chosen.</source>
        <translation>لا يطابق أي قالب البحث أو الوسم المختار.</translation>
    </message>
</context>
<context>
    <name>TemplatePanel</name>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>اسم القالب</translation>
    </message>
    <message>
        <source>What this checklist is for (optional)</source>
        <translation>الغرض من قائمة التحقق هذه (اختياري)</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. vehicle, rental</source>
        <translation>مفصولة بفواصل، مثل مركبة، تأجير</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>The executor may skip steps</source>
        <translation>يمكن للمنفّذ تخطي الخطوات</translation>
    </message>
    <message>
        <source>Ask for a signature on completion</source>
        <translation>طلب توقيع عند الإكمال</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>الوقت المقدّر</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>التنفيذ</translation>
    </message>
    <message>
        <source>Anyone with the link</source>
        <translation>أي شخص لديه الرابط</translation>
    </message>
    <message>
        <source>Members of the organisation only</source>
        <translation>أعضاء المؤسسة فقط</translation>
    </message>
    <message>
        <source>No identity asked</source>
        <translation>لا تُطلب هوية</translation>
    </message>
    <message>
        <source>Name and email</source>
        <translation>الاسم والبريد الإلكتروني</translation>
    </message>
    <message>
        <source>A signed-in member</source>
        <translation>عضو مسجّل الدخول</translation>
    </message>
    <message>
        <source>Who may run it</source>
        <translation>من يمكنه تنفيذها</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>الهوية</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>“{0}” has changes that were not saved when Rundun last closed (kept {1}). Recover them to go on editing, or discard them.</source>
        <translation>في «{0}» تغييرات لم تُحفظ عند آخر إغلاق لـ Rundun (حُفظت مؤقتًا {1}). استعدها لمتابعة التحرير، أو تجاهلها.</translation>
    </message>
    <message>
        <source>Could not open the template</source>
        <translation>تعذّر فتح القالب</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>استعادة التغييرات غير المحفوظة</translation>
    </message>
</context>
<context>
    <name>Thumb</name>
    <message>
        <source> · on the server (not on this computer)</source>
        <translation> · على الخادم (ليست على هذا الحاسوب)</translation>
    </message>
    <message>
        <source>Photo {0} · {1}{2} — Delete, twice, removes it</source>
        <translation>الصورة {0} · {1}{2} — اضغط Delete مرتين لإزالتها</translation>
    </message>
    <message>
        <source>Photo {0}</source>
        <translation>الصورة {0}</translation>
    </message>
    <message>
        <source>Remove?</source>
        <translation>إزالة؟</translation>
    </message>
    <message>
        <source>Click again to remove this photo; Escape keeps it</source>
        <translation>انقر مرة أخرى لإزالة هذه الصورة؛ Escape يبقيها</translation>
    </message>
    <message>
        <source>Remove this photo</source>
        <translation>إزالة هذه الصورة</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>لا معاينة</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <source>Loading photo…</source>
        <translation>جارٍ تحميل الصورة…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>لا معاينة</translation>
    </message>
    <message>
        <source>This photo&apos;s format cannot be previewed here.</source>
        <translation>لا يمكن معاينة صيغة هذه الصورة هنا.</translation>
    </message>
    <message>
        <source>Click to view</source>
        <translation>انقر للعرض</translation>
    </message>
</context>
<context>
    <name>TimeInput</name>
    <message>
        <source>Now</source>
        <translation>الآن</translation>
    </message>
</context>
<context>
    <name>TranslationTableModel</name>
    <message>
        <source>Translated from “{0}”; the source now reads “{1}”. Check the translation.</source>
        <translation>تُرجم من «{0}»؛ أصبح النص الأصلي الآن «{1}». راجع الترجمة.</translation>
    </message>
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
        <source>{0}, the source</source>
        <translation>{0}، المصدر</translation>
    </message>
    <message numerus="yes">
        <source>%Ln translation(s) to check: the source changed after they were translated (highlighted).</source>
        <translation>
            <numerusform>لا ترجمات للمراجعة.</numerusform>
            <numerusform>ترجمة واحدة للمراجعة: تغيّر نصها الأصلي بعد ترجمتها (مظلّلة).</numerusform>
            <numerusform>ترجمتان للمراجعة: تغيّر نصّاهما الأصليان بعد ترجمتهما (مظلّلتان).</numerusform>
            <numerusform>%Ln ترجمات للمراجعة: تغيّرت نصوصها الأصلية بعد ترجمتها (مظلّلة).</numerusform>
            <numerusform>%Ln ترجمة للمراجعة: تغيّرت نصوصها الأصلية بعد ترجمتها (مظلّلة).</numerusform>
            <numerusform>%Ln ترجمة للمراجعة: تغيّرت نصوصها الأصلية بعد ترجمتها (مظلّلة).</numerusform>
        </translation>
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
        <source>Remove language {0}</source>
        <translation>إزالة اللغة {0}</translation>
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
        <source>Remove language…</source>
        <translation>إزالة لغة…</translation>
    </message>
    <message>
        <source>Remove the chosen language and its translations from the template</source>
        <translation>إزالة اللغة المختارة وترجماتها من القالب</translation>
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
        <source>Language tag (BCP 47), e.g. de, es, ar, pt-BR, or the language&apos;s name in English or in its own language (Arabic, العربية):</source>
        <translation>وسم اللغة (BCP 47)، مثل de أو es أو ar أو pt-BR، أو اسم اللغة بالإنجليزية أو باللغة نفسها (Arabic، العربية):</translation>
    </message>
    <message>
        <source>Remove language</source>
        <translation>إزالة لغة</translation>
    </message>
    <message>
        <source>Remove {0} from this template?</source>
        <translation>هل تريد إزالة {0} من هذا القالب؟</translation>
    </message>
    <message numerus="yes">
        <source>%Ln translated text(s) go with it. Runs already dispatched in it keep theirs.</source>
        <translation>
            <numerusform>لا تُزال معها أي نصوص مترجمة. تحتفظ المهام المُرسلة بها من قبل بنصوصها.</numerusform>
            <numerusform>يُزال معها نص مترجم واحد. تحتفظ المهام المُرسلة بها من قبل بنصوصها.</numerusform>
            <numerusform>يُزال معها نصّان مترجمان. تحتفظ المهام المُرسلة بها من قبل بنصوصها.</numerusform>
            <numerusform>يُزال معها %Ln نصوص مترجمة. تحتفظ المهام المُرسلة بها من قبل بنصوصها.</numerusform>
            <numerusform>يُزال معها %Ln نصًا مترجمًا. تحتفظ المهام المُرسلة بها من قبل بنصوصها.</numerusform>
            <numerusform>يُزال معها %Ln نص مترجم. تحتفظ المهام المُرسلة بها من قبل بنصوصها.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>إزالة {0}</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>الإبقاء عليها</translation>
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
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions</source>
        <translation>الإصدارات</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>الإصدارات المحفوظة</translation>
    </message>
    <message>
        <source>v{0}  ·  {1}</source>
        <translation>v{0}  ·  {1}</translation>
    </message>
    <message>
        <source>Restore into the editor</source>
        <translation>استعادة إلى المحرر</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>مقارنة</translation>
    </message>
    <message>
        <source>Changes from</source>
        <translation>التغييرات من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>This is the only version so far.</source>
        <translation>هذا هو الإصدار الوحيد حتى الآن.</translation>
    </message>
    <message>
        <source>From version {0} to version {1}:</source>
        <translation>من الإصدار {0} إلى الإصدار {1}:</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>لا اختلافات.</translation>
    </message>
</context>
<context>
    <name>WorkspaceBackups</name>
    <message>
        <source>The backup of {0} ({1}, {2}) is checked and ready. Rundun uses it from its next start; the current workspace is kept beside it.</source>
        <translation>النسخة الاحتياطية من {0} ({1}، {2}) مفحوصة وجاهزة. يستخدمها Rundun من تشغيله التالي؛ وتُحفظ مساحة العمل الحالية بجانبها.</translation>
    </message>
    <message>
        <source>A passphrase to encrypt the backup (leave empty for none):</source>
        <translation>عبارة مرور لتشفير النسخة الاحتياطية (اتركها فارغة لعدم التشفير):</translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation>جارٍ نسخ مساحة العمل احتياطيًا…</translation>
    </message>
    <message>
        <source>{0}, {1}, {2} and {3} saved to {4}.</source>
        <translation>حُفظ في {4}: {0}، و{1}، و{2}، و{3}.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>فشل النسخ الاحتياطي</translation>
    </message>
    <message>
        <source>The backup was not written: {0}</source>
        <translation>لم تُكتب النسخة الاحتياطية: {0}</translation>
    </message>
    <message>
        <source>Backup written</source>
        <translation>كُتبت النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>The same passphrase again, to be sure of it:</source>
        <translation>اكتب عبارة المرور نفسها مرة أخرى للتأكد منها:</translation>
    </message>
    <message>
        <source>The two passphrases differ. A passphrase to encrypt the backup (leave empty for none):</source>
        <translation>عبارتا المرور مختلفتان. عبارة مرور لتشفير النسخة الاحتياطية (اتركها فارغة لعدم التشفير):</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>جارٍ فحص النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>This backup is encrypted. Its passphrase:</source>
        <translation>هذه النسخة الاحتياطية مشفّرة. عبارة المرور الخاصة بها:</translation>
    </message>
    <message>
        <source>That passphrase does not open this backup. Try again:</source>
        <translation>عبارة المرور هذه لا تفتح هذه النسخة. حاول مرة أخرى:</translation>
    </message>
    <message>
        <source>Restore refused</source>
        <translation>رُفضت الاستعادة</translation>
    </message>
    <message>
        <source>Nothing was changed: {0}</source>
        <translation>لم يتغير شيء: {0}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>استُعيدت النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Another backup is being written; try again in a moment.</source>
        <translation>تُكتب نسخة احتياطية أخرى الآن؛ حاول مرة أخرى بعد قليل.</translation>
    </message>
    <message>
        <source>automatic backup failed: {0}</source>
        <translation>فشل النسخ الاحتياطي التلقائي: {0}</translation>
    </message>
</context>
<context>
    <name>answers</name>
    <message>
        <source> (±{0:g} m)</source>
        <translation> (±{0:g} م)</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>موقَّع</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>غير موقَّع</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation>إجابات أخرى</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Hidden (its condition was not met)</source>
        <translation>مخفية (لم يتحقق شرطها)</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>بلا إجابة</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>تُخطّيت</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Server disk full: changes are not being saved. Free some space; this clears by itself.</source>
        <translation>قرص الخادم ممتلئ: لا تُحفظ التغييرات. حرّر بعض المساحة؛ ستزول هذه الرسالة من تلقاء نفسها.</translation>
    </message>
    <message>
        <source>A remote server is backed up by its operator (rundun-server backup).</source>
        <translation>الخادم البعيد ينسخه مشغّله احتياطيًا (rundun-server backup).</translation>
    </message>
</context>
<context>
    <name>backup_view</name>
    <message>
        <source>Rundun backups (*.rdbk);;All files (*)</source>
        <translation>نسخ Rundun الاحتياطية (*.rdbk);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <source>Run {0} of {1}</source>
        <translation>المهمة {0} من {1}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
</context>
<context>
    <name>camera</name>
    <message>
        <source>Take a photo</source>
        <translation>التقاط صورة</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>التقاط صورة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Runs per week, by status now</source>
        <translation>المهام لكل أسبوع، حسب الحالة الآن</translation>
    </message>
    <message>
        <source>Runs per day, by status now</source>
        <translation>المهام لكل يوم، حسب الحالة الآن</translation>
    </message>
    <message>
        <source>⚠ finding</source>
        <translation>⚠ ملاحظة</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>الإجابات</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>{0} (version {1}, changed {2})</source>
        <translation>{0} (الإصدار {1}، عُدّل {2})</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>كل القوالب</translation>
    </message>
</context>
<context>
    <name>condition_text</name>
    <message>
        <source>Yes / no</source>
        <translation>نعم / لا</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>رقم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>اختيار واحد</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>اختيار متعدد</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>تقييم</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>وقت</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>تعليمات</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>أكبر من</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>على الأقل</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>أقل من</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>على الأكثر</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>is on or after</source>
        <translation>في أو بعد</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>is on or before</source>
        <translation>في أو قبل</translation>
    </message>
    <message>
        <source>is</source>
        <translation>يساوي</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>لا يساوي</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>أحد</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>ليس أيًّا من</translation>
    </message>
    <message>
        <source>is answered</source>
        <translation>مُجاب عنه</translation>
    </message>
    <message>
        <source>is not answered</source>
        <translation>غير مُجاب عنه</translation>
    </message>
    <message>
        <source>{0} is {1}</source>
        <translation>كانت إجابة {0} {1}</translation>
    </message>
    <message>
        <source>{0} is not {1}</source>
        <translation>لم تكن إجابة {0} {1}</translation>
    </message>
    <message>
        <source>{0} is more than {1}</source>
        <translation>كانت إجابة {0} أكبر من {1}</translation>
    </message>
    <message>
        <source>{0} is at least {1}</source>
        <translation>كانت إجابة {0} {1} على الأقل</translation>
    </message>
    <message>
        <source>{0} is less than {1}</source>
        <translation>كانت إجابة {0} أقل من {1}</translation>
    </message>
    <message>
        <source>{0} is at most {1}</source>
        <translation>كانت إجابة {0} {1} على الأكثر</translation>
    </message>
    <message>
        <source>{0} is one of {1}</source>
        <translation>كانت إجابة {0} {1}</translation>
    </message>
    <message>
        <source>{0} is none of {1}</source>
        <translation>لم تكن إجابة {0} أيًّا من {1}</translation>
    </message>
    <message>
        <source>{0} contains {1}</source>
        <translation>احتوت إجابة {0} على {1}</translation>
    </message>
    <message>
        <source>{0} is answered</source>
        <translation>أُجيب عن {0}</translation>
    </message>
    <message>
        <source>{0} is not answered</source>
        <translation>لم يُجَب عن {0}</translation>
    </message>
    <message>
        <source>{0} is after {1}</source>
        <translation>كان تاريخ {0} بعد {1}</translation>
    </message>
    <message>
        <source>{0} is on or after {1}</source>
        <translation>كان تاريخ {0} في {1} أو بعده</translation>
    </message>
    <message>
        <source>{0} is before {1}</source>
        <translation>كان تاريخ {0} قبل {1}</translation>
    </message>
    <message>
        <source>{0} is on or before {1}</source>
        <translation>كان تاريخ {0} في {1} أو قبله</translation>
    </message>
    <message>
        <source>{0} includes {1}</source>
        <translation>اختيرَ {1} في {0}</translation>
    </message>
    <message>
        <source>includes</source>
        <translation>يتضمن</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>يحتوي على</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} أو {1}</translation>
    </message>
    <message>
        <source>true</source>
        <translation>صحيح</translation>
    </message>
    <message>
        <source>false</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} و{1}</translation>
    </message>
    <message>
        <source>only if {0}</source>
        <translation>فقط إذا {0}</translation>
    </message>
</context>
<context>
    <name>config_view</name>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Label for yes</source>
        <translation>تسمية نعم</translation>
    </message>
    <message>
        <source>Label for no</source>
        <translation>تسمية لا</translation>
    </message>
    <message>
        <source>e.g. km, °C, kg</source>
        <translation>مثل km، °C، kg</translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation>بلا حد أدنى</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>بلا حد أقصى</translation>
    </message>
    <message>
        <source>any</source>
        <translation>أي عدد</translation>
    </message>
    <message>
        <source>Decimal places allowed in the answer</source>
        <translation>المنازل العشرية المسموحة في الإجابة</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>الحد الأدنى</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>الحد الأقصى</translation>
    </message>
    <message>
        <source>Decimal places</source>
        <translation>المنازل العشرية</translation>
    </message>
    <message>
        <source>Several lines (a text area)</source>
        <translation>عدة أسطر (منطقة نص)</translation>
    </message>
    <message>
        <source>Shown in the empty field</source>
        <translation>يظهر في الحقل الفارغ</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>بلا حد</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>نص العنصر النائب</translation>
    </message>
    <message>
        <source>Maximum length</source>
        <translation>الطول الأقصى</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>الخيارات</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>على الأقل</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>على الأكثر</translation>
    </message>
    <message>
        <source>e.g. Poor</source>
        <translation>مثلًا: ضعيف</translation>
    </message>
    <message>
        <source>e.g. Excellent</source>
        <translation>مثلًا: ممتاز</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Label of the low end</source>
        <translation>تسمية الطرف الأدنى</translation>
    </message>
    <message>
        <source>Label of the high end</source>
        <translation>تسمية الطرف الأعلى</translation>
    </message>
    <message>
        <source>The photos are the answer of a photo step.</source>
        <translation>الصور هي إجابة خطوة الصورة.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (none)</source>
        <translation>YYYY-MM-DD (بلا)</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>الأبكر</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>الأحدث</translation>
    </message>
    <message>
        <source>What the executor should read or do</source>
        <translation>ما يجب على المنفّذ قراءته أو فعله</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>A time step asks for HH:MM and has nothing to set.</source>
        <translation>خطوة الوقت تطلب HH:MM وليس فيها ما يُضبط.</translation>
    </message>
    <message>
        <source>A signature step asks for exactly one signature image.</source>
        <translation>خطوة التوقيع تطلب صورة توقيع واحدة بالضبط.</translation>
    </message>
</context>
<context>
    <name>device_words</name>
    <message>
        <source>{0} · {1} on the device</source>
        <translation>{0} · {1} على الجهاز</translation>
    </message>
    <message>
        <source>{0} on the device</source>
        <translation>{0} على الجهاز</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>أُرسل كل شيء</translation>
    </message>
    <message>
        <source>last contact {0}</source>
        <translation>آخر اتصال {0}</translation>
    </message>
    <message>
        <source>No device has reported on this run yet (it was never opened by the desktop app, or by an app that does not say what it still holds).</source>
        <translation>لم يبلّغ أي جهاز عن هذه المهمة بعد (لم تُفتح قط في تطبيق سطح المكتب، أو فُتحت في تطبيق لا يذكر ما يحتفظ به).</translation>
    </message>
    <message>
        <source>The executor&apos;s device{0} had sent everything it held for this run.</source>
        <translation>جهاز المنفّذ{0} أرسل كل ما كان يحتفظ به لهذه المهمة.</translation>
    </message>
    <message>
        <source>{0} refused by the server and kept on the device for the executor to fix.</source>
        <translation>{0} — رفضها الخادم، ويبقى كل ذلك محفوظًا على الجهاز ليصلحه المنفّذ.</translation>
    </message>
    <message>
        <source>Last contact {0} ({1}).</source>
        <translation>آخر اتصال {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>diff</name>
    <message>
        <source>Skipping steps allowed</source>
        <translation>يُسمح بتخطي الخطوات</translation>
    </message>
    <message>
        <source>Signature on completion</source>
        <translation>التوقيع عند الإكمال</translation>
    </message>
    <message>
        <source>Estimated minutes</source>
        <translation>الدقائق المقدّرة</translation>
    </message>
    <message>
        <source>Who may run it</source>
        <translation>من يمكنه تنفيذها</translation>
    </message>
    <message>
        <source>Identity required</source>
        <translation>الهوية مطلوبة</translation>
    </message>
    <message>
        <source>Language removed: {0}</source>
        <translation>لغة أُزيلت: {0}</translation>
    </message>
    <message>
        <source>Language added: {0}</source>
        <translation>لغة أُضيفت: {0}</translation>
    </message>
    <message>
        <source>Source language</source>
        <translation>لغة المصدر</translation>
    </message>
    <message>
        <source>Added section “{0}”</source>
        <translation>أُضيف القسم «{0}»</translation>
    </message>
    <message>
        <source>Section “{0}” renamed to “{1}”</source>
        <translation>أُعيدت تسمية القسم «{0}» إلى «{1}»</translation>
    </message>
    <message>
        <source>Removed section “{0}” and its steps</source>
        <translation>أُزيل القسم «{0}» وخطواته</translation>
    </message>
    <message>
        <source>Sections reordered: </source>
        <translation>أُعيد ترتيب الأقسام: </translation>
    </message>
    <message>
        <source>Added {0} step “{1}” to “{2}”</source>
        <translation>أُضيفت خطوة ({0}) «{1}» إلى «{2}»</translation>
    </message>
    <message>
        <source>Removed step “{0}” from “{1}”</source>
        <translation>أُزيلت الخطوة «{0}» من «{1}»</translation>
    </message>
    <message>
        <source>Step “{0}”</source>
        <translation>الخطوة «{0}»</translation>
    </message>
    <message>
        <source>{0} moved from “{1}” to “{2}”</source>
        <translation>نُقل {0} من «{1}» إلى «{2}»</translation>
    </message>
    <message>
        <source>always shown</source>
        <translation>تُعرض دائمًا</translation>
    </message>
    <message>
        <source>{0}: now {1} (was: {2})</source>
        <translation>{0}: الآن {1} (كان: {2})</translation>
    </message>
    <message>
        <source>{0}: added option “{1}”</source>
        <translation>{0}: أُضيف الخيار «{1}»</translation>
    </message>
    <message>
        <source>{0}: option “{1}” renamed to “{2}”</source>
        <translation>{0}: أُعيدت تسمية الخيار «{1}» إلى «{2}»</translation>
    </message>
    <message>
        <source>{0}: removed option “{1}”</source>
        <translation>{0}: أُزيل الخيار «{1}»</translation>
    </message>
    <message>
        <source>{0}: options reordered</source>
        <translation>{0}: أُعيد ترتيب الخيارات</translation>
    </message>
</context>
<context>
    <name>dispatch_view</name>
    <message>
        <source>Scan to open the run on a phone, or send the link.</source>
        <translation>امسح الرمز لفتح المهمة على هاتف، أو أرسل الرابط.</translation>
    </message>
    <message>
        <source>This link works on this computer only: the embedded server is not shared. To open runs on a phone or another computer, share it on the local network or give it a public URL in Settings → Sharing.</source>
        <translation>يعمل هذا الرابط على هذا الحاسوب فقط: الخادم المدمج غير مُشارَك. لفتح المهام على هاتف أو حاسوب آخر، شارِكه على الشبكة المحلية أو امنحه عنوان URL عامًا من الإعدادات ← المشاركة.</translation>
    </message>
</context>
<context>
    <name>doc</name>
    <message>
        <source>The template must be a JSON object.</source>
        <translation>يجب أن يكون القالب كائن JSON.</translation>
    </message>
    <message>
        <source>sections must be a list.</source>
        <translation>يجب أن تكون sections قائمة.</translation>
    </message>
    <message>
        <source>sections[{0}] must be an object.</source>
        <translation>يجب أن يكون sections[{0}] كائنًا.</translation>
    </message>
    <message>
        <source>sections[{0}].steps must be a list.</source>
        <translation>يجب أن تكون sections[{0}].steps قائمة.</translation>
    </message>
    <message>
        <source>sections[{0}].steps[{1}] must be an object.</source>
        <translation>يجب أن يكون sections[{0}].steps[{1}] كائنًا.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>could not write {0}</source>
        <translation>تعذّرت كتابة {0}</translation>
    </message>
</context>
<context>
    <name>factory</name>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Option 1</source>
        <translation>الخيار 1</translation>
    </message>
    <message>
        <source>Untitled template</source>
        <translation>قالب بلا عنوان</translation>
    </message>
    <message>
        <source>Section 1</source>
        <translation>القسم 1</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>خطوة جديدة</translation>
    </message>
</context>
<context>
    <name>flag_text</name>
    <message>
        <source>A finding when the answer is {0}</source>
        <translation>ملاحظة عندما تكون الإجابة {0}</translation>
    </message>
    <message>
        <source>A finding when {0} is chosen</source>
        <translation>ملاحظة عند اختيار {0}</translation>
    </message>
    <message>
        <source>A finding when any of {0} is chosen</source>
        <translation>ملاحظة عند اختيار أيٍّ من {0}</translation>
    </message>
    <message>
        <source>below {0}</source>
        <translation>أقل من {0}</translation>
    </message>
    <message>
        <source>above {0}</source>
        <translation>أكبر من {0}</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} أو {1}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Pending</source>
        <translation>قيد الانتظار</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد التنفيذ</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية الصلاحية</translation>
    </message>
    <message>
        <source>link revoked</source>
        <translation>أُبطل الرابط</translation>
    </message>
    <message>
        <source>the executor gave up</source>
        <translation>انسحب المنفّذ</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}، {1}</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} ي</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} س</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} د</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} ث</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>بعد {0}</translation>
    </message>
    <message>
        <source>{0} ago</source>
        <translation>منذ {0}</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>بعد لحظة</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <source>External</source>
        <translation>خارجي</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>مجهول</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
</context>
<context>
    <name>generate_dialog</name>
    <message>
        <source>Made by the offline generator; set RUNDUN_LLM_BASE_URL on the server to use a language model.</source>
        <translation>صنعه المولّد دون اتصال؛ اضبط RUNDUN_LLM_BASE_URL على الخادم لاستخدام نموذج لغوي.</translation>
    </message>
    <message>
        <source>a language model</source>
        <translation>نموذج لغوي</translation>
    </message>
    <message>
        <source>, starting from the library template &apos;{0}&apos;</source>
        <translation>، انطلاقًا من قالب المكتبة «{0}»</translation>
    </message>
    <message>
        <source>Made by {0}{1}.</source>
        <translation>صنعه {0}{1}.</translation>
    </message>
    <message>
        <source>Built from the library template &apos;{0}&apos; plus {1}.</source>
        <translation>بُني من قالب المكتبة «{0}»، وأضيف إليه {1}.</translation>
    </message>
    <message>
        <source>Built from the library template &apos;{0}&apos;.</source>
        <translation>بُني من قالب المكتبة «{0}».</translation>
    </message>
    <message>
        <source>No library template matched: built from the {0}.</source>
        <translation>لم يطابق أي قالب في المكتبة؛ الأساس: {0}.</translation>
    </message>
    <message>
        <source>No library template matched and the prompt lists no items: a general checklist.</source>
        <translation>لم يطابق أي قالب في المكتبة ولا يذكر الطلب عناصر: قائمة تحقق عامة.</translation>
    </message>
    <message>
        <source>The language model gave no usable answer, so the offline generator made it. </source>
        <translation>لم يقدّم النموذج اللغوي إجابة صالحة، فصنعه المولّد دون اتصال. </translation>
    </message>
</context>
<context>
    <name>headers</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئت</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>آخر استخدام</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>أُضيف</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>معرّف المستخدم</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>قيد الانتظار</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد التنفيذ</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية الصلاحية</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>بها ملاحظات</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>الإجابة</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>العدد</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>آخر تحديث</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>المهمة</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>على هذا الحاسوب</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>على الخادم</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>فُتحت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>مرجع المنفّذ</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>المنفّذ</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>حُدّثت</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>On the device</source>
        <translation>على الجهاز</translation>
    </message>
</context>
<context>
    <name>history_words</name>
    <message>
        <source>lost: a newer answer was already stored</source>
        <translation>فُقدت: كانت إجابة أحدث مخزّنة بالفعل</translation>
    </message>
    <message>
        <source>sent again (already received)</source>
        <translation>أُرسلت مجددًا (استُلمت سابقًا)</translation>
    </message>
    <message>
        <source>photo {n} added</source>
        <translation>أُضيفت الصورة {n}</translation>
    </message>
    <message>
        <source>photo {n} removed</source>
        <translation>أُزيلت الصورة {n}</translation>
    </message>
    <message>
        <source>received {0}</source>
        <translation>استُلم {0}</translation>
    </message>
    <message>
        <source>device {0} · received {1}</source>
        <translation>الجهاز {0} · استُلم {1}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>English</source>
        <translation>العربية</translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <source> Opening a run needs the network once; after that it works offline.</source>
        <translation> فتح المهمة يحتاج الشبكة مرة واحدة؛ وبعدها تعمل دون اتصال.</translation>
    </message>
    <message>
        <source> It opens by itself as soon as the server answers.</source>
        <translation> وستُفتح من تلقاء نفسها حالما يستجيب الخادم.</translation>
    </message>
    <message>
        <source>Someone else has already opened this run.</source>
        <translation>فتح شخص آخر هذه المهمة بالفعل.</translation>
    </message>
    <message>
        <source>This run has expired; it can no longer be opened.</source>
        <translation>انتهت صلاحية هذه المهمة؛ لم يعد بالإمكان فتحها.</translation>
    </message>
    <message>
        <source>This run is already finished.</source>
        <translation>هذه المهمة منتهية بالفعل.</translation>
    </message>
</context>
<context>
    <name>inbox_model</name>
    <message>
        <source>Refused by the server</source>
        <translation>رفضها الخادم</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Given up</source>
        <translation>تُخلّي عنها</translation>
    </message>
    <message>
        <source>Completed here · {0}</source>
        <translation>اكتملت هنا · {0}</translation>
    </message>
    <message>
        <source>Completed here</source>
        <translation>اكتملت هنا</translation>
    </message>
    <message>
        <source>Given up here · waiting to sync</source>
        <translation>تُخلّي عنها هنا · بانتظار المزامنة</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>لم تُزامن بعد</translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>كل شيء متزامن</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>ينتهي {0}</translation>
    </message>
</context>
<context>
    <name>inputs</name>
    <message>
        <source>{0} to {1}</source>
        <translation>من {0} إلى {1}</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>على الأقل {0}</translation>
    </message>
    <message>
        <source>at most {0}</source>
        <translation>على الأكثر {0}</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}، {1}</translation>
    </message>
    <message>
        <source>from {0} to {1}</source>
        <translation>من {0} إلى {1}</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>من {0}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>حتى {0}</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <source>Paste a run link first.</source>
        <translation>الصق رابط مهمة أولًا.</translation>
    </message>
    <message>
        <source>A rundun:// link looks like {0}; this one does not.</source>
        <translation>رابط rundun:// يبدو هكذا {0}؛ وهذا ليس كذلك.</translation>
    </message>
    <message>
        <source>That web address is not a run link (it should end in /r/r-…).</source>
        <translation>عنوان الويب هذا ليس رابط مهمة (يجب أن ينتهي بـ /r/r-…).</translation>
    </message>
    <message>
        <source>That is not a run link: paste the https://…/r/… link you were sent, or a rundun://r/… link.</source>
        <translation>هذا ليس رابط مهمة: الصق رابط https://…/r/… الذي وصلك، أو رابط rundun://r/….</translation>
    </message>
    <message>
        <source>Wrote {0}.</source>
        <translation>كُتب {0}.</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>فشل {0}: {1}</translation>
    </message>
    <message>
        <source>rundun:// links now open Rundun.</source>
        <translation>روابط rundun:// تفتح Rundun الآن.</translation>
    </message>
    <message>
        <source>On macOS, rundun:// links open Rundun once it is installed from its app bundle (the bundle declares the scheme); a copy run from source cannot register it.</source>
        <translation>على macOS تفتح روابط rundun:// تطبيق Rundun بعد تثبيته من حزمة التطبيق (الحزمة تعلن المخطط)؛ النسخة المشغّلة من المصدر لا يمكنها تسجيله.</translation>
    </message>
    <message>
        <source>Registering rundun:// is not supported on {0}.</source>
        <translation>تسجيل rundun:// غير مدعوم على {0}.</translation>
    </message>
    <message>
        <source>The Windows registry exists only on Windows.</source>
        <translation>سجل Windows موجود على Windows فقط.</translation>
    </message>
    <message>
        <source>Registered rundun:// for this Windows user; rundun:// links now open Rundun.</source>
        <translation>سُجّل rundun:// لمستخدم Windows هذا؛ روابط rundun:// تفتح Rundun الآن.</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>المهام</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المعلومات</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>المنفّذ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;انتقال</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Dispatched</source>
        <translation>المرسلة</translation>
    </message>
    <message>
        <source>runs created in the period</source>
        <translation>المهام المنشأة في الفترة</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>of them completed</source>
        <translation>المكتمل منها</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>نسبة الإكمال</translation>
    </message>
    <message>
        <source>completed ÷ dispatched</source>
        <translation>المكتملة ÷ المرسلة</translation>
    </message>
    <message>
        <source>Median time</source>
        <translation>الوقت الوسيط</translation>
    </message>
    <message>
        <source>from opening to completion</source>
        <translation>من الفتح حتى الإكمال</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>بها ملاحظات</translation>
    </message>
    <message>
        <source>runs with at least one finding</source>
        <translation>مهام بها ملاحظة واحدة على الأقل</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهية الصلاحية</translation>
    </message>
    <message>
        <source>not finished in time</source>
        <translation>لم تكتمل في الوقت المحدد</translation>
    </message>
    <message>
        <source>⚠ finding</source>
        <translation>⚠ ملاحظة</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>A rundun:// link names no server: connect to the run&apos;s server in Settings first.</source>
        <translation>رابط rundun:// لا يسمّي خادمًا: اتصل أولًا بخادم المهمة من الإعدادات.</translation>
    </message>
    <message>
        <source>This run asks for your name and email before it opens.</source>
        <translation>تطلب هذه المهمة اسمك وبريدك الإلكتروني قبل أن تُفتح.</translation>
    </message>
    <message>
        <source>Only a member of the organisation may open this run: paste your member sign-in token (rdm_…).</source>
        <translation>لا يفتح هذه المهمة إلا عضو في المؤسسة: الصق رمز دخولك كعضو (rdm_…).</translation>
    </message>
    <message>
        <source>That member token was refused: </source>
        <translation>رُفض رمز العضو هذا: </translation>
    </message>
    <message>
        <source>This run is not on the server this app is connected to ({0}); a rundun:// link does not say which server a run is on. Paste the full https://… link you were sent, or connect to that run&apos;s server.</source>
        <translation>هذه المهمة ليست على الخادم المتصل به التطبيق ({0})؛ رابط rundun://‏ لا يذكر الخادم الذي تقع عليه المهمة. الصق رابط https://…‏ الكامل الذي أُرسل إليك، أو اتصل بخادم تلك المهمة.</translation>
    </message>
</context>
<context>
    <name>pdf</name>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Executor ref</source>
        <translation>مرجع المنفّذ</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>المهمة</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>{0} (version {1})</source>
        <translation>{0} (الإصدار {1})</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>المنفّذ</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئت</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>فُتحت</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>تنتهي</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Rundun run report</source>
        <translation>تقرير تنفيذ Rundun</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>map</source>
        <translation>الخريطة</translation>
    </message>
    <message>
        <source>[photo {0} not available]</source>
        <translation>[الصورة {0} غير متوفرة]</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>التوقيع</translation>
    </message>
    <message>
        <source>[signature image not available]</source>
        <translation>[صورة التوقيع غير متوفرة]</translation>
    </message>
    <message>
        <source>Generated by Rundun on {0}.</source>
        <translation>أُنشئ بواسطة Rundun في {0}.</translation>
    </message>
    <message>
        <source>lost: {0} ({1})</source>
        <translation>فُقدت: {0} ({1})</translation>
    </message>
    <message>
        <source>cannot write in {0}</source>
        <translation>تتعذر الكتابة في {0}</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>المهمة {0}</translation>
    </message>
</context>
<context>
    <name>photo_intake</name>
    <message>
        <source>Rundun stopped before it could keep this image.</source>
        <translation>توقف Rundun قبل أن يتمكن من حفظ هذه الصورة.</translation>
    </message>
    <message>
        <source>The photo {0}, added at {1}, was not kept: {2}</source>
        <translation>الصورة {0}، المضافة في {1}، لم تُحفظ: {2}</translation>
    </message>
    <message>
        <source>An image dropped or pasted here at {0} was not kept: {1}</source>
        <translation>صورة أُفلتت أو لُصقت هنا في {0} لم تُحفظ: {1}</translation>
    </message>
    <message>
        <source>Add it again.</source>
        <translation>أضفها مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>photo_prep</name>
    <message>
        <source>This file is not a photo the server takes: it must be a JPEG, PNG, WebP or HEIC image.</source>
        <translation>هذا الملف ليس صورة يقبلها الخادم: يجب أن يكون صورة JPEG أو PNG أو WebP أو HEIC.</translation>
    </message>
    <message>
        <source>This file is empty (0 bytes): it holds no photo. Copy or save the photo again, then add it.</source>
        <translation>هذا الملف فارغ (0 بايت): لا يحتوي على صورة. انسخ الصورة أو احفظها مرة أخرى، ثم أضفها.</translation>
    </message>
    <message>
        <source>This image has too many pixels to open (over 178 megapixels); it is not a photo to send.</source>
        <translation>في هذه الصورة بكسلات أكثر من أن تُفتح (أكثر من 178 ميغابكسل)؛ ليست صورة للإرسال.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>تعذّرت قراءة {0}: {1}.</translation>
    </message>
    <message>
        <source>This photo&apos;s file is damaged; it cannot be read.</source>
        <translation>ملف هذه الصورة تالف؛ لا يمكن قراءته.</translation>
    </message>
</context>
<context>
    <name>photo_words</name>
    <message>
        <source>This photo is {0}; the server accepts up to {1}.</source>
        <translation>حجم هذه الصورة {0}؛ يقبل الخادم حتى {1}.</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.heic *.JPG *.JPEG *.PNG *.WEBP *.HEIC)</source>
        <translation>الصور (*.jpg *.jpeg *.png *.webp *.heic *.JPG *.JPEG *.PNG *.WEBP *.HEIC)</translation>
    </message>
</context>
<context>
    <name>preview_cards</name>
    <message>
        <source>a number</source>
        <translation>رقم</translation>
    </message>
</context>
<context>
    <name>problem_words</name>
    <message>
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <source>hint</source>
        <translation>التلميح</translation>
    </message>
    <message>
        <source>id</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>“Required” box</source>
        <translation>مربع «إلزامي»</translation>
    </message>
    <message>
        <source>location setting</source>
        <translation>إعداد الموقع</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>الصور</translation>
    </message>
    <message>
        <source>least number of photos</source>
        <translation>أقل عدد من الصور</translation>
    </message>
    <message>
        <source>most number of photos</source>
        <translation>أكبر عدد من الصور</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>الشرط</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>الخطوات</translation>
    </message>
    <message>
        <source>sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>answer settings</source>
        <translation>إعدادات الإجابة</translation>
    </message>
    <message>
        <source>options</source>
        <translation>الخيارات</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>الحد الأدنى</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>الحد الأقصى</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>decimal places</source>
        <translation>المنازل العشرية</translation>
    </message>
    <message>
        <source>“At least”</source>
        <translation>«على الأقل»</translation>
    </message>
    <message>
        <source>“At most”</source>
        <translation>«على الأكثر»</translation>
    </message>
    <message>
        <source>label for yes</source>
        <translation>تسمية «نعم»</translation>
    </message>
    <message>
        <source>label for no</source>
        <translation>تسمية «لا»</translation>
    </message>
    <message>
        <source>label of the low end</source>
        <translation>تسمية الطرف الأدنى</translation>
    </message>
    <message>
        <source>label of the high end</source>
        <translation>تسمية الطرف الأعلى</translation>
    </message>
    <message>
        <source>placeholder</source>
        <translation>نص العنصر النائب</translation>
    </message>
    <message>
        <source>maximum length</source>
        <translation>الطول الأقصى</translation>
    </message>
    <message>
        <source>“Several lines” box</source>
        <translation>مربع «عدة أسطر»</translation>
    </message>
    <message>
        <source>text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>“may skip steps” setting</source>
        <translation>إعداد «يمكن تخطي الخطوات»</translation>
    </message>
    <message>
        <source>signature setting</source>
        <translation>إعداد التوقيع</translation>
    </message>
    <message>
        <source>estimated time</source>
        <translation>الوقت المقدّر</translation>
    </message>
    <message>
        <source>execution settings</source>
        <translation>إعدادات التنفيذ</translation>
    </message>
    <message>
        <source>“Who may run it” setting</source>
        <translation>إعداد «من يمكنه التنفيذ»</translation>
    </message>
    <message>
        <source>identity setting</source>
        <translation>إعداد الهوية</translation>
    </message>
    <message>
        <source>option</source>
        <translation>خيار</translation>
    </message>
    <message>
        <source>step</source>
        <translation>خطوة</translation>
    </message>
    <message>
        <source>section</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>وسم</translation>
    </message>
    <message>
        <source>option {0}’s {1}</source>
        <translation>{1} للخيار {0}</translation>
    </message>
    <message>
        <source>option {0}</source>
        <translation>الخيار {0}</translation>
    </message>
    <message>
        <source>The template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Section {0}</source>
        <translation>القسم {0}</translation>
    </message>
    <message>
        <source>Section {0}, step {1}</source>
        <translation>القسم {0}، الخطوة {1}</translation>
    </message>
    <message>
        <source>The condition refers to {0}, which comes after this step; a condition may only refer to a step before it</source>
        <translation>يشير الشرط إلى {0}، وهي تأتي بعد هذه الخطوة؛ لا يجوز أن يشير الشرط إلا إلى خطوة قبلها</translation>
    </message>
    <message>
        <source>The condition refers to “{0}”, which is not a step of this template</source>
        <translation>يشير الشرط إلى “{0}”، وهي ليست خطوة في هذا القالب</translation>
    </message>
    <message>
        <source>The condition refers to its own step; a condition may only refer to a step before it</source>
        <translation>يشير الشرط إلى خطوته نفسها؛ لا يجوز أن يشير الشرط إلا إلى خطوة قبلها</translation>
    </message>
    <message>
        <source>The condition refers to {0}, an instruction, which is never answered</source>
        <translation>يشير الشرط إلى {0}، وهي تعليمات لا يُجاب عنها أبدًا</translation>
    </message>
    <message>
        <source>{0} has no {1}</source>
        <translation>{0}: لم يُحدَّد {1}</translation>
    </message>
    <message>
        <source>{0} needs at least one {1}</source>
        <translation>{0} يحتاج إلى {1} واحد على الأقل</translation>
    </message>
    <message>
        <source>{0}: the {1} {2}</source>
        <translation>{0}: {1} {2}</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>is not an email address (it looks like name@example.com)</source>
        <translation>ليس عنوان بريد إلكتروني (يبدو مثل name@example.com)</translation>
    </message>
    <message>
        <source>is not in the form expected here</source>
        <translation>ليس بالشكل المتوقع هنا</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>خط العرض</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>خط الطول</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>The location needs a latitude and a longitude (or none at all)</source>
        <translation>يحتاج الموقع إلى خط عرض وخط طول (أو أن يبقى فارغًا تمامًا)</translation>
    </message>
    <message>
        <source>Accuracy must be a number of metres, 0 or more, or empty</source>
        <translation>يجب أن تكون الدقة عددًا من الأمتار، 0 أو أكثر، أو أن تبقى فارغة</translation>
    </message>
    <message>
        <source>{0} must be a number from {1} to {2}</source>
        <translation>يجب أن يكون {0} رقمًا من {1} إلى {2}</translation>
    </message>
    <message>
        <source>{0} is missing</source>
        <translation>{0} مفقود</translation>
    </message>
    <message>
        <source>• and {0} more</source>
        <translation>• و{0} أخرى</translation>
    </message>
</context>
<context>
    <name>quotes</name>
    <message>
        <source>“{0}”</source>
        <translation>«{0}»</translation>
    </message>
</context>
<context>
    <name>runner</name>
    <message>
        <source>This run&apos;s server is the Rundun app&apos;s own server on this computer: check in the status bar that the app is connected, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>خادم هذه المهمة هو خادم تطبيق Rundun نفسه على هذا الحاسوب: تحقق في شريط الحالة من أن التطبيق متصل، ثم اضغط &lt;b&gt;مزامنة الآن&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>This run&apos;s server runs on this computer, apart from the app&apos;s own: check that it is started, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>خادم هذه المهمة يعمل على هذا الحاسوب، منفصلًا عن خادم التطبيق نفسه: تحقق من أنه قيد التشغيل، ثم اضغط &lt;b&gt;مزامنة الآن&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network, then press &lt;b&gt;Sync now&lt;/b&gt;.</source>
        <translation>تحقق من شبكة هذا الحاسوب، ثم اضغط &lt;b&gt;مزامنة الآن&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not sent yet.&lt;/b&gt; {0} Your answers are kept on this computer and are sent as soon as the server answers; you can go on filling the run. {1}</source>
        <translation>&lt;b&gt;لم تُرسل بعد.&lt;/b&gt; {0} إجاباتك محفوظة على هذا الحاسوب وتُرسل حالما يردّ الخادم؛ يمكنك متابعة ملء المهمة. {1}</translation>
    </message>
</context>
<context>
    <name>runner_view</name>
    <message>
        <source>Export the run to a folder</source>
        <translation>تصدير المهمة إلى مجلد</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <source>no backup yet</source>
        <translation>لا نسخة احتياطية بعد</translation>
    </message>
    <message>
        <source>last backup just now</source>
        <translation>آخر نسخة احتياطية الآن</translation>
    </message>
    <message>
        <source>last backup {0} min ago</source>
        <translation>آخر نسخة احتياطية منذ {0} د</translation>
    </message>
    <message>
        <source>last backup {0} h ago</source>
        <translation>آخر نسخة احتياطية منذ {0} س</translation>
    </message>
</context>
<context>
    <name>settings_controller</name>
    <message>
        <source>{0} this month · unlimited</source>
        <translation>{0} هذا الشهر · غير محدود</translation>
    </message>
    <message>
        <source>{0} of {1} used this month</source>
        <translation>استُخدم {0} من {1} هذا الشهر</translation>
    </message>
</context>
<context>
    <name>sharing_view</name>
    <message>
        <source>Anyone on this network can reach the server. It still needs a run&apos;s link or an API key, but share only on networks you trust (not a café&apos;s or a hotel&apos;s Wi-Fi).</source>
        <translation>يمكن لأي شخص على هذه الشبكة الوصول إلى الخادم. سيظل بحاجة إلى رابط مهمة أو مفتاح API، لكن لا تشارك إلا على شبكات تثق بها (لا على شبكة Wi-Fi في مقهى أو فندق).</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
</context>
<context>
    <name>step_card</name>
    <message>
        <source>✎ Not saved yet</source>
        <translation>✎ لم يُحفظ بعد</translation>
    </message>
    <message>
        <source>● Saved here · waiting to sync</source>
        <translation>● محفوظ هنا · بانتظار المزامنة</translation>
    </message>
    <message>
        <source>✓ Synced</source>
        <translation>✓ متزامن</translation>
    </message>
    <message>
        <source>✕ Refused by the server</source>
        <translation>✕ رفضه الخادم</translation>
    </message>
    <message>
        <source>✕ Not sent · the server refused the run</source>
        <translation>✕ لم يُرسل · رفض الخادم المهمة</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>The runs on this computer were saved by a newer Rundun ({0}).</source>
        <translation>حُفظت المهام على هذا الحاسوب بإصدار أحدث من Rundun ({0}).</translation>
    </message>
    <message>
        <source>This run is not on this computer.</source>
        <translation>هذه المهمة ليست على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>This run is being completed: it takes no more changes.</source>
        <translation>يجري إكمال هذه المهمة: لا تقبل مزيدًا من التغييرات.</translation>
    </message>
    <message>
        <source>This run is completed: it takes no more changes.</source>
        <translation>اكتملت هذه المهمة: لا تقبل مزيدًا من التغييرات.</translation>
    </message>
    <message>
        <source>The server refused this run: it takes no more changes here. You can export it.</source>
        <translation>رفض الخادم هذه المهمة: لا تقبل هنا مزيدًا من التغييرات. يمكنك تصديرها.</translation>
    </message>
    <message>
        <source>This run takes no more changes ({0}).</source>
        <translation>لا تقبل هذه المهمة مزيدًا من التغييرات ({0}).</translation>
    </message>
    <message>
        <source>This computer&apos;s disk is full: nothing new was saved. Free some space and try again.</source>
        <translation>قرص هذا الحاسوب ممتلئ: لم يُحفظ شيء جديد. حرّر بعض المساحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>This file is not a JPEG, PNG, WebP, HEIC or HEIF image.</source>
        <translation>هذا الملف ليس صورة JPEG أو PNG أو WebP أو HEIC أو HEIF.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>تعذّرت قراءة {0}: {1}.</translation>
    </message>
    <message>
        <source>There is no photo there any more.</source>
        <translation>لم تعد هناك صورة في هذا الموضع.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>The photo&apos;s file on this computer is damaged (it no longer matches the photo taken); add the photo again.</source>
        <translation>ملف الصورة على هذا الحاسوب تالف (لم يعد يطابق الصورة الملتقطة)؛ أضف الصورة مجددًا.</translation>
    </message>
    <message>
        <source>the run has expired</source>
        <translation>انتهت صلاحية المهمة</translation>
    </message>
    <message>
        <source>the run is closed</source>
        <translation>المهمة مغلقة</translation>
    </message>
    <message>
        <source>the run is cancelled</source>
        <translation>أُلغيت المهمة</translation>
    </message>
    <message>
        <source>the run is completed already</source>
        <translation>اكتملت المهمة بالفعل</translation>
    </message>
    <message>
        <source>the server no longer knows this run</source>
        <translation>لم يعد الخادم يعرف هذه المهمة</translation>
    </message>
    <message>
        <source>the server no longer accepts this computer&apos;s token for the run (was it opened again elsewhere?)</source>
        <translation>لم يعد الخادم يقبل رمز هذا الحاسوب لهذه المهمة (هل فُتحت مجددًا في مكان آخر؟)</translation>
    </message>
    <message>
        <source>it answered {0}</source>
        <translation>أجاب {0}</translation>
    </message>
    <message>
        <source>The server refused this run: {0}. Its answers and photos stay on this computer; you can export them.</source>
        <translation>رفض الخادم هذه المهمة: {0}. تبقى إجاباتها وصورها على هذا الحاسوب؛ يمكنك تصديرها.</translation>
    </message>
    <message>
        <source>the answer to {0}</source>
        <translation>الإجابة عن {0}</translation>
    </message>
    <message>
        <source>photo {0} of {1}</source>
        <translation>الصورة {0} من {1}</translation>
    </message>
    <message>
        <source>the {0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
</context>
<context>
    <name>translations_view</name>
    <message>
        <source>XLIFF 1.2 (*.xlf *.xliff);;CSV (*.csv)</source>
        <translation>XLIFF 1.2 (*.xlf *.xliff);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>url_scheme</name>
    <message>
        <source>Registered rundun:// under HKEY_CURRENT_USER\{0}; rundun:// links now open Rundun.</source>
        <translation>سُجّل rundun:// تحت HKEY_CURRENT_USER\{0}؛ روابط rundun:// تفتح Rundun الآن.</translation>
    </message>
</context>
<context>
    <name>value_widgets</name>
    <message>
        <source>e.g. 10, 12.5</source>
        <translation>مثل 10، 12.5</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, …</source>
        <translation>YYYY-MM-DD، …</translation>
    </message>
    <message>
        <source>HH:MM, …</source>
        <translation>HH:MM، …</translation>
    </message>
</context>
</TS>
