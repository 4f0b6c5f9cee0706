<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>About</name>
    <message>
        <location filename="../../balint_trainer/gui/about.py" line="+18"/>
        <source>Illustrative expert key: the votes, rationales and notes in this scenario were written by the Balint Trainer project to show how the trainer works; they are not the judgement of a real expert panel.</source>
        <translation>کلید خبرگان نمونه است: رأی‌ها، دلیل‌ها و یادداشت‌های این سناریو را پروژه تمرین رهبری گروه بالینت نوشته تا کار برنامه را نشان دهد؛ داوری یک هیئت خبره واقعی نیستند.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location line="+21"/>
        <location line="+1"/>
        <source>About Balint Trainer</source>
        <translation>درباره تمرین رهبری گروه بالینت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no bundled scenarios found)</source>
        <translation>(هیچ سناریوی همراهی یافت نشد)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Practise leading Balint groups: scripted group sessions pause at decision points, you choose the leader&apos;s intervention, and your choice is compared with an expert panel.</source>
        <translation>رهبری گروه بالینت را تمرین کنید: جلسه‌های گروهیِ از پیش نوشته‌شده در نقطه‌های تصمیم می‌ایستند، شما مداخله رهبر را انتخاب می‌کنید و انتخاب شما با نظر هیئت خبرگان مقایسه می‌شود.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About the bundled expert annotations</source>
        <translation>درباره حاشیه‌نویسی‌های خبرگان همراه برنامه</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The expert annotations (votes, ratings, rationales) in the bundled scenarios are illustrative. They were written by the Balint Trainer project to show how the trainer works; they are not the judgement of a real expert panel. Course organisers can replace them with their own panel&apos;s annotations.</source>
        <translation>حاشیه‌نویسی‌های خبرگان (رأی‌ها، نمره‌ها، دلیل‌ها) در سناریوهای همراه برنامه نمونه‌اند. آن‌ها را پروژه تمرین رهبری گروه بالینت نوشته تا کار برنامه را نشان دهد؛ داوری یک هیئت خبره واقعی نیستند. برگزارکنندگان دوره می‌توانند حاشیه‌نویسی‌های هیئت خود را جایگزین آن‌ها کنند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>They follow this published guidance on leading Balint groups:</source>
        <translation>آن‌ها از این راهنمای منتشرشده برای رهبری گروه‌های بالینت پیروی می‌کنند:</translation>
    </message>
</context>
<context>
    <name>Adaptive</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/adaptive_views.py" line="+30"/>
        <source>Unsure</source>
        <translation>نامطمئن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fairly sure</source>
        <translation>نسبتاً مطمئن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sure</source>
        <translation>مطمئن</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scenario attempts</source>
        <translation>تلاش‌های سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spaced review (decisions missed before, feedback seen)</source>
        <translation>مرور فاصله‌دار (تصمیم‌هایی که پیش‌تر نادرست پاسخ داده‌اید و بازخوردشان را دیده‌اید)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: mean credit %2 (%3 answers)</source>
        <translation>%1: میانگین اعتبار %2 (%3 پاسخ)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Confidence calibration</source>
        <translation>هماهنگی اطمینان</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>mean credit</source>
        <translation>میانگین اعتبار</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>How sure you were, against the credit you earned</source>
        <translation>میزان اطمینان شما، در برابر اعتباری که به دست آوردید</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No answers with a confidence yet: in practice, say how sure you are before the feedback.</source>
        <translation>هنوز پاسخی با میزان اطمینان نیست: در تمرین، پیش از بازخورد بگویید چقدر مطمئنید.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Well calibrated means: the surer you say you are, the higher your credit.</source>
        <translation>هماهنگی خوب یعنی: هر چه بگویید مطمئن‌ترید، اعتبارتان بالاتر باشد.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A decision counts as learned when you have answered it right often enough, with days in between, that you would very likely still get it right in %1 days (its review interval has grown to %1 days or more). Decisions you missed come back in Review my weak spots.</source>
        <translation>یک تصمیم وقتی آموخته‌شده به شمار می‌آید که آن را با چند روز فاصله به اندازه کافی درست پاسخ داده باشید، چنان که به احتمال زیاد %1 روز بعد هم درست پاسخ دهید (فاصله مرور آن به %1 روز یا بیشتر رسیده باشد). تصمیم‌هایی که نادرست پاسخ داده‌اید در «مرور نقطه‌های ضعفم» بازمی‌گردند.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>Mastery per competency</source>
        <translation>تسلط در هر شایستگی</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions</source>
        <translation>تصمیم‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>پاسخ‌داده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learned</source>
        <translation>آموخته‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mastery</source>
        <translation>تسلط</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Your choices agree with the panel about as much as a typical panel member&apos;s do.</source>
        <translation>انتخاب‌های شما تقریباً به اندازه انتخاب‌های یک عضو معمولی هیئت با هیئت هم‌خوان است.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your choices agree with the panel more than a typical panel member&apos;s do.</source>
        <translation>انتخاب‌های شما بیش از انتخاب‌های یک عضو معمولی هیئت با هیئت هم‌خوان است.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your choices agree with the panel less than a typical panel member&apos;s do.</source>
        <translation>انتخاب‌های شما کمتر از انتخاب‌های یک عضو معمولی هیئت با هیئت هم‌خوان است.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your choices agree with the panel much less than the panel members&apos; own do.</source>
        <translation>انتخاب‌های شما بسیار کمتر از انتخاب‌های خود اعضای هیئت با هیئت هم‌خوان است.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel members agree with each other equally here, so there is no spread to compare with.</source>
        <translation>اعضای هیئت در اینجا به یک اندازه با هم هم‌نظرند، پس پراکندگی‌ای برای مقایسه نیست.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Panel members score %1 on average (SD %2) against the rest of the panel.</source>
        <translation>اعضای هیئت در برابر بقیه هیئت به‌طور میانگین امتیاز %1 می‌گیرند (انحراف معیار %2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>On the panel&apos;s scale (panel = 80, SD 5) you score %1 (z = %2).</source>
        <translation>بر مقیاس هیئت (هیئت = ۸۰، انحراف معیار ۵) امتیاز شما %1 است (z = %2).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Confidence against credit:</source>
        <translation>اطمینان در برابر اعتبار:</translation>
    </message>
</context>
<context>
    <name>AgainstPanel</name>
    <message>
        <location filename="../../balint_trainer/reports/against_panel.py" line="+119"/>
        <source>“{text}”</source>
        <translation>«{text}»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{first} and {last}</source>
        <translation>{first} و {last}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not answered.</source>
        <translation>پاسخ داده نشد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You chose one of the {count} options tied for the panel&apos;s choice.</source>
        <translation>شما یکی از {count} گزینه‌ای را برگزیدید که در انتخاب هیئت رأی برابر داشتند.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trainee chose one of the {count} options tied for the panel&apos;s choice.</source>
        <translation>کارآموز یکی از {count} گزینه‌ای را برگزید که در انتخاب هیئت رأی برابر داشتند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You chose what most of the panel chose.</source>
        <translation>شما همان را برگزیدید که بیشتر اعضای هیئت برگزیدند.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trainee chose what most of the panel chose.</source>
        <translation>کارآموز همان را برگزید که بیشتر اعضای هیئت برگزیدند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No expert votes for this decision.</source>
        <translation>برای این تصمیم رأی خبره‌ای نیست.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The panel&apos;s votes were tied between {options}.</source>
        <translation>رأی‌های هیئت میان {options} برابر بود.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The panel most often chose {option}.</source>
        <translation>هیئت بیش از همه {option} را برگزید.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No answer in time: no intervention (not in the key).</source>
        <translation>پاسخی به‌موقع داده نشد: بدون مداخله (در کلید نیامده است).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answer in time: the trainee let the time run out (not in the key).</source>
        <translation>پاسخی به‌موقع داده نشد: کارآموز گذاشت زمان تمام شود (در کلید نیامده است).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No answer in time: recorded as no intervention, which the key lists as {option}.</source>
        <translation>پاسخی به‌موقع داده نشد: «بدون مداخله» ثبت شد، که کلید آن را {option} آورده است.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answer in time: the trainee let the time run out, recorded as {option} (the key&apos;s no intervention).</source>
        <translation>پاسخی به‌موقع داده نشد: کارآموز گذاشت زمان تمام شود و {option} ثبت شد («بدون مداخله» در کلید).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>your choice</source>
        <translation>انتخاب شما</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trainee&apos;s choice</source>
        <translation>انتخاب کارآموز</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tied for the panel&apos;s choice</source>
        <translation>رأی برابر با انتخاب هیئت</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>panel&apos;s choice</source>
        <translation>انتخاب هیئت</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Shown</source>
        <translation>ترتیب نمایش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Option</source>
        <translation>گزینه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Votes</source>
        <translation>رأی‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>اعتبار</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choice</source>
        <translation>انتخاب</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>shown {position} of {count}</source>
        <translation>نمایش‌داده‌شده در جایگاه {position} از {count}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About each option</source>
        <translation>درباره هر گزینه</translation>
    </message>
</context>
<context>
    <name>AgreementModel</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_models.py" line="+31"/>
        <source>Decision</source>
        <translation>تصمیم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Experts</source>
        <translation>خبرگان</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Votes</source>
        <translation>رأی‌ها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kappa</source>
        <translation>کاپا</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Alpha</source>
        <translation>آلفا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Krippendorff&apos;s alpha (ordinal) over the 1–5 ratings; experts need not rate every option</source>
        <translation>آلفای کریپندورف (رتبه‌ای) بر پایه نمره‌های ۱ تا ۵؛ لازم نیست خبرگان به همه گزینه‌ها نمره دهند</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flag</source>
        <translation>نشان</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Panel agreement P: chance that two experts picked the same best option</source>
        <translation>توافق هیئت P: احتمال اینکه دو خبره یک گزینه را بهترین بدانند</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fleiss&apos; kappa over the 1–5 ratings; shown only when every expert rated every option</source>
        <translation>کاپای فلایس بر پایه نمره‌های ۱ تا ۵؛ فقط وقتی نشان داده می‌شود که همه خبرگان به همه گزینه‌ها نمره داده باشند</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Low agreement</source>
        <translation>توافق کم</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No kappa: not every expert rated every option of this decision.</source>
        <translation>کاپا در دسترس نیست: همه خبرگان به همه گزینه‌های این تصمیم نمره نداده‌اند.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Panel agreement below 0.5: discuss this decision before using the key.</source>
        <translation>توافق هیئت کمتر از ۰٫۵: پیش از به‌کارگیری کلید، درباره این تصمیم گفت‌وگو کنید.</translation>
    </message>
</context>
<context>
    <name>AnnotationExchange</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_exchange.py" line="+135"/>
        <source>Export annotation request</source>
        <translation>صدور درخواست حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick at least one scenario, give your name and at least one expert&apos;s name.</source>
        <translation>دست‌کم یک سناریو را علامت بزنید، نام خود و نام دست‌کم یک خبره را بنویسید.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the request for %1</source>
        <translation>ذخیره درخواست برای %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annotation requests (*.json)</source>
        <translation>درخواست‌های حاشیه‌نویسی (*.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a folder for the request files</source>
        <translation>پوشه‌ای برای پرونده‌های درخواست برگزینید</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import annotation files</source>
        <translation>وارد کردن پرونده‌های حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotation files (*.json);;All files (*)</source>
        <translation>پرونده‌های حاشیه‌نویسی (*.json);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+281"/>
        <source>Open annotation request</source>
        <translation>باز کردن درخواست حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotation requests (*.json);;All files (*)</source>
        <translation>درخواست‌های حاشیه‌نویسی (*.json);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Annotation request not opened</source>
        <translation>درخواست حاشیه‌نویسی باز نشد</translation>
    </message>
</context>
<context>
    <name>AnnotationRowsModel</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_models.py" line="+29"/>
        <source>Expert</source>
        <translation>خبره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best</source>
        <translation>بهترین</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ratings</source>
        <translation>نمره‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
<context>
    <name>AnnotationWindow</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation.py" line="+127"/>
        <source>Expert annotation</source>
        <translation>حاشیه‌نویسی خبره</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scenario</source>
        <translation>سناریو</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expert profile</source>
        <translation>نمایه خبره</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+109"/>
        <source>New expert profile</source>
        <translation>نمایه خبره تازه</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>&amp;Scenario:</source>
        <translation>سناریو: (&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Expert:</source>
        <translation>خبره: (&amp;E)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Annotate</source>
        <translation>حاشیه‌نویسی (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organiser view</source>
        <translation>نمای برگزارکننده (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_pages.py" line="+44"/>
        <source>Decision number</source>
        <translation>شماره تصمیم</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case and transcript so far</source>
        <translation>مورد و متن گفت‌وگو تا اینجا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision prompt</source>
        <translation>پرسش تصمیم</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Best option (keys 1–8) and optional ratings 1–5</source>
        <translation>بهترین گزینه (کلیدهای ۱ تا ۸) و نمره‌های اختیاری ۱ تا ۵</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Note (optional): why this option?</source>
        <translation>یادداشت (اختیاری): چرا این گزینه؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous</source>
        <translation>قبلی (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous decision</source>
        <translation>تصمیم قبلی</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation.py" line="+219"/>
        <location filename="../../balint_trainer/gui/authoring/annotation_pages.py" line="+3"/>
        <source>Save &amp;&amp; &amp;next</source>
        <translation>ذخیره و بعدی (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_pages.py" line="+2"/>
        <source>Save and go to the next decision</source>
        <translation>ذخیره و رفتن به تصمیم بعدی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Annotation status</source>
        <translation>وضعیت حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rating warning</source>
        <translation>هشدار نمره‌دهی</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Agreement per decision</source>
        <translation>توافق در هر تصمیم</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Annotations of the selected decision</source>
        <translation>حاشیه‌نویسی‌های تصمیم انتخاب‌شده</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pooled kappa</source>
        <translation>کاپای تجمیعی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>تازه‌سازی (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Merge into scenario key…</source>
        <translation>ادغام در کلید سناریو… (&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge annotations into the scenario key</source>
        <translation>ادغام حاشیه‌نویسی‌ها در کلید سناریو</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation.py" line="-235"/>
        <source>New e&amp;xpert or organiser…</source>
        <translation>خبره یا برگزارکننده تازه… (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_pages.py" line="-6"/>
        <source>Refresh agreement</source>
        <translation>تازه‌سازی توافق</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation.py" line="+85"/>
        <source>supervisor</source>
        <translation>ناظر</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>organiser</source>
        <translation>برگزارکننده</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Scenario not available</source>
        <translation>سناریو در دسترس نیست</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_widgets.py" line="+66"/>
        <source>Case</source>
        <translation>مورد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transcript</source>
        <translation>متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(An earlier decision point for the leader.)</source>
        <translation>(نقطه تصمیمِ پیشینِ رهبر.)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation.py" line="-102"/>
        <source>Experts not loaded</source>
        <translation>خبرگان بارگذاری نشدند</translation>
    </message>
    <message>
        <location line="+101"/>
        <location line="+225"/>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>Decision %1 of %2 — %3</source>
        <translation>تصمیم %1 از %2 — %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>You answered this decision before; saving updates your answer.</source>
        <translation>پیش‌تر به این تصمیم پاسخ داده‌اید؛ ذخیره، پاسخ شما را به‌روز می‌کند.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save &amp;&amp; &amp;finish</source>
        <translation>ذخیره و پایان (&amp;F)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Rating of option %1</source>
        <translation>نمره گزینه %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no rating</source>
        <translation>بدون نمره</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 harmful</source>
        <translation>۱ زیان‌بار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 unhelpful</source>
        <translation>۲ بی‌فایده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 neutral</source>
        <translation>۳ خنثی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 helpful</source>
        <translation>۴ مفید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>5 best practice</source>
        <translation>۵ بهترین شیوه</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>You rated option %1 higher than the option you chose as best (%2). Check your ratings.</source>
        <translation>به گزینه %1 نمره‌ای بالاتر از گزینه‌ای دادید که بهترین دانستید (%2). نمره‌هایتان را بازبینی کنید.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No expert chosen</source>
        <translation>خبره‌ای انتخاب نشده</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose or create your expert profile first.</source>
        <translation>ابتدا نمایه خبره خود را انتخاب یا ایجاد کنید.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the best option first (keys 1–8).</source>
        <translation>ابتدا بهترین گزینه را انتخاب کنید (کلیدهای ۱ تا ۸).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotation not saved</source>
        <translation>حاشیه‌نویسی ذخیره نشد</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved. You have reached the last decision; thank you.</source>
        <translation>ذخیره شد. به آخرین تصمیم رسیدید؛ سپاس.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Annotations not loaded</source>
        <translation>حاشیه‌نویسی‌ها بارگذاری نشدند</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotations do not fit the scenario</source>
        <translation>حاشیه‌نویسی‌ها با سناریو جور نیستند</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— (needs every expert to rate every option)</source>
        <translation>— (لازم است همه خبرگان به همه گزینه‌ها نمره دهند)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Pooled kappa: %1 · %n decision(s) with low agreement (P &lt; 0.5)</source>
        <translation>
            <numerusform>کاپای تجمیعی: %1 · %Ln تصمیم با توافق کم (P &lt; 0.5)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Krippendorff&apos;s alpha: %1</source>
        <translation>آلفای کریپندورف: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Reading your scenarios…</source>
        <translation>در حال خواندن سناریوهای شما…</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_merge.py" line="+50"/>
        <source>Merge annotations into the key</source>
        <translation>ادغام حاشیه‌نویسی‌ها در کلید</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The experts lists of %n decision(s) in %2 will be replaced as shown. A backup copy is kept.</source>
        <translation>فهرست خبرگانِ %Ln تصمیم در %2 همان‌گونه که نشان داده شده جایگزین می‌شود. یک نسخه پشتیبان نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%3 is a built-in scenario and stays unchanged. The experts lists of %n decision(s) in your own copy of it, %2, will be replaced as shown. A backup copy is kept.</source>
        <translation>%3 سناریوی همراه برنامه است و تغییر نمی‌کند. فهرست خبرگانِ %Ln تصمیم در نسخه خودتان از آن، %2، همان‌گونه که نشان داده شده جایگزین می‌شود. یک نسخه پشتیبان نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%3 is a built-in scenario and stays unchanged. Its experts lists of %n decision(s) will be replaced as shown and the result saved as your own copy, %2, which takes the built-in&apos;s place in your library.</source>
        <translation>%3 سناریوی همراه برنامه است و تغییر نمی‌کند. فهرست خبرگانِ %Ln تصمیم آن همان‌گونه که نشان داده شده جایگزین می‌شود و نتیجه به صورت نسخه خودتان، %2، ذخیره می‌شود که در کتابخانه شما جای سناریوی همراه برنامه را می‌گیرد.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Changes</source>
        <translation>تغییرات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge</source>
        <translation>ادغام (&amp;M)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Cancelled: the drive did not answer. The merged file may still be written when it does; look at it before merging again.</source>
        <translation>لغو شد: دیسک پاسخ نداد. ممکن است فایل ادغام‌شده وقتی دیسک پاسخ دهد باز هم نوشته شود؛ پیش از ادغام دوباره آن را نگاه کنید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled: the drive did not answer. Nothing was merged.</source>
        <translation>لغو شد: دیسک پاسخ نداد. چیزی ادغام نشد.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading %1…</source>
        <translation>در حال خواندن %1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your scenario folder is not available: %1</source>
        <translation>پوشه سناریوی شما در دسترس نیست: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Writing %1…</source>
        <translation>در حال نوشتن %1…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Cannot read %1</source>
        <translation>%1 خوانده نمی‌شود</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+35"/>
        <location line="+11"/>
        <location line="+21"/>
        <source>Key not merged</source>
        <translation>کلید ادغام نشد</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation.py" line="-219"/>
        <source>option %1 of %2</source>
        <translation>گزینه %1 از %2</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_merge.py" line="+1"/>
        <source>The file could not be written: %1</source>
        <translation>پرونده نوشته نشد: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved as your own copy: %1</source>
        <translation>به صورت نسخه خودتان ذخیره شد: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is a built-in scenario, so it was not changed. Your copy with the merged key takes its place in your library; delete the copy to go back to the built-in.</source>
        <translation>%1 سناریوی همراه برنامه است، پس تغییری نکرد. نسخه شما با کلید ادغام‌شده در کتابخانه شما جای آن را می‌گیرد؛ برای بازگشت به سناریوی همراه برنامه، این نسخه را حذف کنید.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Key merged into %1</source>
        <translation>کلید در %1 ادغام شد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key merged</source>
        <translation>کلید ادغام شد</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1 updated; the previous file was saved as %2.</source>
        <translation>%1 به‌روز شد؛ پرونده قبلی با نام %2 ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>AttemptListModel</name>
    <message>
        <location filename="../../balint_trainer/gui/review.py" line="+97"/>
        <source>Started</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario</source>
        <translation>سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode</source>
        <translation>حالت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New comments</source>
        <translation>یادداشت‌های تازه</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n comment(s) from your supervisor you have not read yet</source>
        <translation>
            <numerusform>%Ln یادداشت از ناظرتان که هنوز نخوانده‌اید</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unfinished</source>
        <translation>ناتمام</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new</source>
        <translation>
            <numerusform>%Ln تازه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BranchMap</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/branch_map.py" line="+39"/>
        <location line="+13"/>
        <source>Script</source>
        <translation>روند جلسه</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Shown when / effect</source>
        <translation>شرط نمایش / اثر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch map</source>
        <translation>نقشه شاخه‌ها</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Script (last valid version)</source>
        <translation>روند جلسه (آخرین نسخه معتبر)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the problems to see the branch map.</source>
        <translation>برای دیدن نقشه شاخه‌ها، اشکال‌ها را برطرف کنید.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%Ln سطر</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No branching: every trainee sees the same script.</source>
        <translation>بدون شاخه: همه کارآموزان روند جلسه یکسانی را می‌بینند.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>when %1</source>
        <translation>وقتی %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>narration</source>
        <translation>روایت</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>always</source>
        <translation>همیشه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision %1</source>
        <translation>تصمیم %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no intervention</source>
        <translation>بدون مداخله</translation>
    </message>
</context>
<context>
    <name>BundleMatchDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/bundle_match.py" line="+34"/>
        <source>Whose attempts are these?</source>
        <translation>این تلاش‌ها از آنِ کیست؟</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The file {file} holds %n attempt(s) of “{who}”, whose files were never imported here. Choose the profile they belong to; later files from this trainee will go there without asking.</source>
        <translation>
            <numerusform>پرونده {file} دربردارنده %Ln تلاشِ «{who}» است که تاکنون پرونده‌ای از او اینجا وارد نشده است. نمایه‌ای را که این تلاش‌ها به آن تعلق دارند برگزینید؛ پرونده‌های بعدی این کارآموز بی‌پرسش به همان‌جا می‌روند.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Profiles</source>
        <translation>نمایه‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Belongs to:</source>
        <translation>متعلق به: (&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{profile} — suggested</source>
        <translation>{profile} — پیشنهادی</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new profile “{name}”</source>
        <translation>نمایه تازه «{name}»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import</source>
        <translation>وارد کردن (&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Skip this file</source>
        <translation>رد شدن از این پرونده (&amp;S)</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../balint_trainer/gui/charts.py" line="+61"/>
        <source>Expert vote split</source>
        <translation>پراکندگی رأی خبرگان</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>expert votes</source>
        <translation>رأی خبرگان</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (your choice)</source>
        <translation> (انتخاب شما)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (panel&apos;s choice)</source>
        <translation> (انتخاب هیئت)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Competency profile</source>
        <translation>نیمرخ شایستگی</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+54"/>
        <source>score (0–100)</source>
        <translation>امتیاز (۰ تا ۱۰۰)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Scores over time</source>
        <translation>امتیازها در گذر زمان</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>finished attempts</source>
        <translation>تلاش‌های تمام‌شده</translation>
    </message>
</context>
<context>
    <name>ComparisonChart</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/recorded_chart.py" line="+44"/>
        <source>Chart: simulator scores and recorded-session ratings per competency</source>
        <translation>نمودار: امتیازهای شبیه‌ساز و نمره‌های جلسه‌های ضبط‌شده برای هر شایستگی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulator: mean credit over finished attempts (0–100)</source>
        <translation>شبیه‌ساز: میانگین اعتبار در تلاش‌های پایان‌یافته (۰ تا ۱۰۰)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded sessions: the latest global rating on the same scale (1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100)</source>
        <translation>جلسه‌های ضبط‌شده: آخرین نمره کلی بر همان مقیاس (۱ = ۰، ۲ = ۲۵، ۳ = ۵۰، ۴ = ۷۵، ۵ = ۱۰۰)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: simulator %2, recorded sessions %3</source>
        <translation>%1: شبیه‌ساز %2، جلسه‌های ضبط‌شده %3</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>0–100</source>
        <translation>۰ تا ۱۰۰</translation>
    </message>
</context>
<context>
    <name>Competency</name>
    <message>
        <location filename="../../balint_trainer/gui/__init__.py" line="+18"/>
        <source>Keeping the focus on the doctor–patient relationship</source>
        <translation>تمرکز بر رابطهٔ پزشک و بیمار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protecting the presenter</source>
        <translation>محافظت از ارائه‌دهنده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representing the absent patient</source>
        <translation>نمایندگی بیمارِ غایب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returning the group from an escape</source>
        <translation>بازگرداندن گروه از گریز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeping the group safe and confidential</source>
        <translation>امن و محرمانه نگه‌داشتن گروه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holding the frame and structure</source>
        <translation>حفظ چارچوب و ساختار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inviting feelings and fantasies</source>
        <translation>دعوت به بیان احساس‌ها و خیال‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leader restraint</source>
        <translation>خویشتن‌داری رهبر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signposting support</source>
        <translation>راهنمایی به منابع حمایتی</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/coding_texts.py" line="+15"/>
        <source>Working with the group as a whole</source>
        <translation>کار با کلیت گروه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet seen</source>
        <translation>هنوز دیده نشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emerging</source>
        <translation>در حال شکل‌گیری</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competent</source>
        <translation>توانمند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proficient</source>
        <translation>ماهر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exemplary</source>
        <translation>نمونه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brings the group back to the doctor–patient relationship rather than the diagnosis.</source>
        <translation>گروه را به جای تشخیص، به رابطه پزشک و بیمار بازمی‌گرداند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stops questions that probe the presenter&apos;s private life or judge their competence.</source>
        <translation>جلوی پرسش‌هایی را می‌گیرد که زندگی خصوصی ارائه‌دهنده را می‌کاوند یا توانایی او را داوری می‌کنند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gives the absent patient a voice when the group loses sight of them.</source>
        <translation>وقتی گروه بیمارِ غایب را از یاد می‌برد، به او صدا می‌دهد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notices the group escaping into generalities or medicine and gently returns it.</source>
        <translation>گریز گروه به کلی‌گویی یا بحث پزشکی را می‌بیند و آرام آن را بازمی‌گرداند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>States and keeps confidentiality; members feel safe to say uncomfortable things.</source>
        <translation>رازداری را اعلام و حفظ می‌کند؛ اعضا برای گفتن چیزهای ناخوشایند احساس امنیت می‌کنند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Holds time and phases: presentation, questions, push-back, return, close.</source>
        <translation>زمان و مرحله‌ها را نگه می‌دارد: ارائه، پرسش‌ها، پس‌نشستن، بازگشت، پایان‌بندی.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invites feelings, images and fantasies about the case, not solutions.</source>
        <translation>احساس‌ها، تصویرها و خیال‌ها درباره مورد را فرامی‌خواند، نه راه‌حل‌ها را.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaks little, lets silence work and leaves the group&apos;s work to the group.</source>
        <translation>کم سخن می‌گوید، می‌گذارد سکوت کار خود را بکند و کار گروه را به خود گروه وامی‌گذارد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notices distress and points to support outside the group without turning it into therapy.</source>
        <translation>پریشانی را می‌بیند و بی‌آنکه گروه را به درمان بدل کند، به حمایت بیرون از گروه راه نشان می‌دهد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reads the group as a whole (alliances, parallel process) and uses it for the case.</source>
        <translation>گروه را در کلیتش می‌خواند (هم‌پیمانی‌ها، فرایند موازی) و آن را به سود مورد به کار می‌گیرد.</translation>
    </message>
</context>
<context>
    <name>ConfidenceRow</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/confidence.py" line="+23"/>
        <source>How sure are you? (optional, before the feedback)</source>
        <translation>چقدر مطمئنید؟ (اختیاری، پیش از بازخورد)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsure (Shift+1)</source>
        <translation>نامطمئن (Shift+1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fairly sure (Shift+2)</source>
        <translation>نسبتاً مطمئن (Shift+2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sure (Shift+3)</source>
        <translation>مطمئن (Shift+3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How sure you are of your choice</source>
        <translation>میزان اطمینان شما به انتخابتان</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/realtime.py" line="+76"/>
        <location line="+5"/>
        <source>Time left to decide</source>
        <translation>زمان باقی‌مانده برای تصمیم</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Real time: %1 seconds to decide</source>
        <translation>زمان واقعی: %1 ثانیه برای تصمیم</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Time to decide: %1 s</source>
        <translation>زمان تصمیم: %1 ثانیه</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/decision_form.py" line="+67"/>
        <source>Decision %1</source>
        <translation>تصمیم %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision id</source>
        <translation>شناسه تصمیم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt</source>
        <translation>پرسش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rationale</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>گزینه‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>شناسه</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feedback</source>
        <translation>بازخورد</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add &amp;option</source>
        <translation>افزودن گزینه (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove o&amp;ption</source>
        <translation>حذف گزینه (&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expert key</source>
        <translation>کلید خبرگان</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add e&amp;xpert</source>
        <translation>افزودن خبره (&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove exper&amp;t</source>
        <translation>حذف خبره (&amp;T)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Id:</source>
        <translation>شناسه: (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pro&amp;mpt:</source>
        <translation>پرسش: (&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Competency:</source>
        <translation>شایستگی: (&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optio&amp;ns (text and feedback):</source>
        <translation>گزینه‌ها (متن و بازخورد): (&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expert &amp;key (best option, ratings 1–5, note):</source>
        <translation>کلید خبرگان (بهترین گزینه، نمره‌های ۱ تا ۵، یادداشت): (&amp;K)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Rationale:</source>
        <translation>دلیل: (&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Form problems</source>
        <translation>اشکال‌های فرم</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Expert</source>
        <translation>خبره</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best</source>
        <translation>بهترین</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rating %1</source>
        <translation>نمره %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Every option needs an id.</source>
        <translation>هر گزینه به یک شناسه نیاز دارد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two options have the same id.</source>
        <translation>دو گزینه شناسه یکسان دارند.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expert %1: the best option must be one of the option ids.</source>
        <translation>خبره %1: بهترین گزینه باید یکی از شناسه‌های گزینه‌ها باشد.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expert %1: ratings are 1 to 5 (or empty).</source>
        <translation>خبره %1: نمره‌ها از ۱ تا ۵ هستند (یا خالی).</translation>
    </message>
</context>
<context>
    <name>DecisionTableModel</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/summary.py" line="+45"/>
        <source>%1 s</source>
        <translation>%1 ثانیه</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tie: %1</source>
        <translation>رأی برابر: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your choice</source>
        <translation>انتخاب شما</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Panel&apos;s choice</source>
        <translation>انتخاب هیئت</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit</source>
        <translation>اعتبار</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time to decide</source>
        <translation>زمان تصمیم</translation>
    </message>
</context>
<context>
    <name>ExportPackDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/packs.py" line="+214"/>
        <source>Export scenario pack</source>
        <translation>صدور بسته سناریو</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scenarios to export</source>
        <translation>سناریوهای صدوری</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario pack</source>
        <translation>بسته سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack title</source>
        <translation>عنوان بسته</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;all</source>
        <translation>انتخاب همه (&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;none</source>
        <translation>انتخاب هیچ (&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export…</source>
        <translation>صدور… (&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pack &amp;title:</source>
        <translation>عنوان بسته: (&amp;T)</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/feedback.py" line="+157"/>
        <source>%1 and %2</source>
        <translation>%1 و %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 of %2 experts chose your option; the most chosen option had %3.</source>
        <translation>%1 از %2 خبره گزینه شما را برگزیدند؛ پرطرفدارترین گزینه %3 رأی داشت.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Credit = votes for your option ÷ votes for the most chosen one: 1 is the panel&apos;s choice, 0 means no expert chose it.</source>
        <translation>اعتبار = رأی‌های گزینه شما ÷ رأی‌های پرطرفدارترین گزینه: ۱ یعنی انتخاب هیئت، ۰ یعنی هیچ خبره‌ای آن را برنگزید.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time ran out: no intervention (not in the key).</source>
        <translation>زمان تمام شد: بدون مداخله (در کلید نیامده است).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time ran out: no intervention, which the key lists as %1.</source>
        <translation>زمان تمام شد: بدون مداخله، که کلید آن را %1 آورده است.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../balint_trainer/reports/own_review.py" line="+131"/>
        <source>Why</source>
        <translation>چرا</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your choice and the panel&apos;s</source>
        <translation>انتخاب شما و انتخاب هیئت</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../balint_trainer/reports/own_review.py" line="+24"/>
        <source>chose %1</source>
        <translation>گزینه %1 را برگزید</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../balint_trainer/reports/own_review.py" line="-1"/>
        <source>Expert notes</source>
        <translation>یادداشت‌های خبرگان</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../balint_trainer/reports/own_review.py" line="+11"/>
        <source>The panel disagreed a lot on this decision; treat the credit with care.</source>
        <translation>هیئت در این تصمیم اختلاف زیادی داشت؛ اعتبار را با احتیاط بنگرید.</translation>
    </message>
</context>
<context>
    <name>FeedbackExport</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/feedback_export.py" line="+30"/>
        <location line="+9"/>
        <source>Export feedback for trainee</source>
        <translation>صدور بازخورد برای کارآموز</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Feedback files (*.json)</source>
        <translation>پرونده‌های بازخورد (*.json)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%n comment(s) for %1 exported to %2</source>
        <translation>%Ln یادداشت برای %1 در %2 صادر شد</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Send this file to the trainee, who imports it with File → Import feedback from my supervisor…. Each file holds all your comments on their attempts; importing one twice adds nothing.</source>
        <translation>این پرونده را برای کارآموز بفرستید تا آن را با پرونده ← وارد کردن بازخورد ناظرم… وارد کند. هر پرونده همه یادداشت‌های شما درباره تلاش‌های او را دارد؛ دوباره وارد کردن آن چیزی نمی‌افزاید.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The feedback was not exported; no file was written</source>
        <translation>بازخورد صادر نشد؛ هیچ پرونده‌ای نوشته نشد</translation>
    </message>
</context>
<context>
    <name>FeedbackFlow</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/feedback_flow.py" line="+30"/>
        <location line="+80"/>
        <source>Import feedback from my supervisor</source>
        <translation>وارد کردن بازخورد ناظرم</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Feedback files (*.json);;All files (*)</source>
        <translation>پرونده‌های بازخورد (*.json);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unread comments from your supervisor</source>
        <translation>یادداشت‌های نخوانده از ناظرتان</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%n unread comment(s) from your supervisor</source>
        <translation>%Ln یادداشت نخوانده از ناظرتان</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Practice → My past attempts… shows them</source>
        <translation>تمرین ← تلاش‌های پیشین من… آن‌ها را نشان می‌دهد</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not count unread comments: %1</source>
        <translation>شمار یادداشت‌های نخوانده به دست نیامد: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>You practise on a shared course database: your supervisor&apos;s comments appear in Practice → My past attempts… by themselves. Feedback files are for trainees who work offline.</source>
        <translation>شما روی پایگاه داده مشترک دوره تمرین می‌کنید: یادداشت‌های ناظرتان خودبه‌خود در تمرین ← تلاش‌های پیشین من… نمایان می‌شوند. پرونده‌های بازخورد برای کارآموزانی است که بدون اتصال کار می‌کنند.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing feedback…</source>
        <translation>در حال وارد کردن بازخورد…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%n new comment(s) imported.</source>
        <translation>%Ln یادداشت تازه وارد شد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%n comment(s) were already here.</source>
        <translation>%Ln یادداشت از پیش اینجا بود.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%n comment(s) are on attempts this database does not hold; they were skipped (attempts made on another computer or profile).</source>
        <translation>%Ln یادداشت مربوط به تلاش‌هایی است که در این پایگاه داده نیستند؛ کنار گذاشته شدند (تلاش‌هایی که در رایانه یا نمایه دیگری انجام شده‌اند).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Practice → My past attempts… (Ctrl+Shift+R) shows them.</source>
        <translation>تمرین ← تلاش‌های پیشین من… (Ctrl+Shift+R) آن‌ها را نشان می‌دهد.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The feedback was not imported; nothing was changed</source>
        <translation>بازخورد وارد نشد؛ چیزی تغییر نکرد</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/find_replace.py" line="+32"/>
        <location line="+1"/>
        <source>Find</source>
        <translation>یافتن</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Replace with</source>
        <translation>جایگزین با</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match &amp;case</source>
        <translation>تطبیق کوچکی و بزرگی حروف (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Whole words</source>
        <translation>فقط واژه‌های کامل (&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>بعدی (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;vious</source>
        <translation>قبلی (&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace</source>
        <translation>جایگزین کردن (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace &amp;all</source>
        <translation>جایگزین کردن همه (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close find bar</source>
        <translation>بستن نوار یافتن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find status</source>
        <translation>وضعیت یافتن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find:</source>
        <translation>یافتن: (&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;place:</source>
        <translation>جایگزین: (&amp;P)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Search wrapped around.</source>
        <translation>جست‌وجو از آغاز از سر گرفته شد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not found: %1</source>
        <translation>یافت نشد: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n replacement(s).</source>
        <translation>
            <numerusform>%Ln جایگزینی.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/guidance.py" line="+79"/>
        <location line="+1"/>
        <source>Glossary</source>
        <translation>واژه‌نامه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The six phases of a session</source>
        <translation>شش مرحله یک جلسه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a leader practises here</source>
        <translation>آنچه رهبر اینجا تمرین می‌کند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The numbers</source>
        <translation>عددها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Going well:</source>
        <translation>نشانه‌های پیشرفت خوب:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What good looks like:</source>
        <translation>نمونه خوب چگونه است:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to read it:</source>
        <translation>چگونه بخوانیم:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sources</source>
        <translation>منابع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The method follows published guidance:</source>
        <translation>این روش از راهنماهای منتشرشده پیروی می‌کند:</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <location filename="../../balint_trainer/gui/guidance_menu.py" line="+43"/>
        <source>&amp;Introduction to the method</source>
        <translation>آشنایی با روش (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Glossary</source>
        <translation>واژه‌نامه (&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/core/guidance.py" line="+53"/>
        <source>What a Balint group is</source>
        <translation>گروه بالینت چیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small group of clinicians (often 8 to 12) meets regularly with one or two leaders to think about the relationship between a doctor and a patient — not to solve the clinical problem. One member presents a patient who has stayed on their mind; the others listen.</source>
        <translation>گروه کوچکی از درمانگران (اغلب ۸ تا ۱۲ نفر) به‌طور منظم با یک یا دو رهبر گرد هم می‌آیند تا درباره رابطه میان یک پزشک و یک بیمار بیندیشند — نه برای حل مسئله بالینی. یکی از اعضا بیماری را ارائه می‌کند که ذهنش را رها نکرده است؛ دیگران گوش می‌دهند.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How a session runs</source>
        <translation>روند یک جلسه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The leader sets the frame and asks who has a case. The presenter tells the story. The group asks questions of fact only. Then the presenter pushes back their chair and listens while the group wonders about the patient, the doctor and their feelings. The presenter returns to have the last word, and the leader closes on time.</source>
        <translation>رهبر چارچوب را می‌گذارد و می‌پرسد چه کسی موردی دارد. ارائه‌دهنده ماجرا را تعریف می‌کند. گروه فقط پرسش‌های واقعیت‌جو می‌پرسد. سپس ارائه‌دهنده صندلی‌اش را عقب می‌کشد و گوش می‌دهد، در حالی که گروه درباره بیمار، پزشک و احساس‌هایشان تأمل می‌کند. ارائه‌دهنده بازمی‌گردد تا حرف آخر را بزند و رهبر جلسه را سر وقت پایان می‌دهد.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the leader does</source>
        <translation>کار رهبر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the group safe and what is said confidential. Keeps the focus on the doctor–patient relationship. Blocks intrusive questions about the presenter&apos;s private life, kindly and at once. When the group escapes into generalities (“these patients are always untreatable”) or into referral and advice, brings it back, often by speaking for the absent patient. Says little otherwise: the group does the work.</source>
        <translation>گروه را امن و گفته‌ها را محرمانه نگه می‌دارد. تمرکز را بر رابطه پزشک و بیمار نگه می‌دارد. جلوی پرسش‌های مزاحم درباره زندگی خصوصی ارائه‌دهنده را، با مهربانی و بی‌درنگ، می‌گیرد. وقتی گروه به کلی‌گویی («این بیماران همیشه درمان‌ناپذیرند») یا به ارجاع و توصیه می‌گریزد، آن را بازمی‌گرداند، اغلب با سخن گفتن از زبان بیمارِ غایب. جز این کم سخن می‌گوید: کار را گروه انجام می‌دهد.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What this app does</source>
        <translation>این برنامه چه می‌کند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It plays a scripted session line by line and stops where a leader has to act. You choose what you would do. Your credit is the number of experts who chose your option divided by the number who chose the most popular one: 1 means you chose what most of the panel chose. The bundled panels are illustrative, written by this project from published guidance; a course can replace them with its own experts&apos; votes.</source>
        <translation>برنامه یک جلسه از پیش نوشته‌شده را سطر به سطر پخش می‌کند و هر جا رهبر باید کاری کند می‌ایستد. شما انتخاب می‌کنید که چه می‌کردید. اعتبار شما شمار خبرگانی است که گزینه شما را برگزیدند، تقسیم بر شمار کسانی که پرطرفدارترین گزینه را برگزیدند: ۱ یعنی همان را برگزیدید که بیشتر هیئت برگزید. هیئت‌های همراه برنامه نمونه‌اند و این پروژه آن‌ها را از روی راهنماهای منتشرشده نوشته است؛ یک دوره می‌تواند رأی‌های خبرگان خود را جایگزین آن‌ها کند.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Getting about</source>
        <translation>راه‌یابی در برنامه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a scenario in the library and press Enter. Space reveals the next line; at a decision press a number key, then Enter. Help → Glossary explains every phase, competency and number; F1 lists all keyboard shortcuts.</source>
        <translation>در کتابخانه یک سناریو را انتخاب کنید و Enter را بزنید. کلید فاصله سطر بعد را نشان می‌دهد؛ در هر تصمیم یک کلید عددی و سپس Enter را بزنید. راهنما ← واژه‌نامه هر مرحله، شایستگی و عدد را توضیح می‌دهد؛ F1 همه میان‌برهای صفحه‌کلید را فهرست می‌کند.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The leader opens: the time, the rules (confidentiality, one case), who has a case?</source>
        <translation>رهبر جلسه را باز می‌کند: زمان، قاعده‌ها (رازداری، یک مورد)، چه کسی موردی دارد؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brief and warm; the frame is stated once and then held, not lectured.</source>
        <translation>کوتاه و گرم؛ چارچوب یک بار گفته می‌شود و سپس نگه داشته می‌شود، نه اینکه درباره‌اش سخنرانی شود.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The presenter tells the story of a patient, uninterrupted, as it comes to mind.</source>
        <translation>ارائه‌دهنده ماجرای یک بیمار را، بی‌وقفه و همان‌گونه که به ذهنش می‌آید، تعریف می‌کند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The group listens; the leader does not let anyone interrupt or start advising.</source>
        <translation>گروه گوش می‌دهد؛ رهبر نمی‌گذارد کسی سخن را قطع کند یا توصیه کردن را آغاز کند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members ask questions of fact to picture the patient and the consultation.</source>
        <translation>اعضا پرسش‌های واقعیت‌جو می‌پرسند تا بیمار و ویزیت را در ذهن مجسم کنند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short factual questions; questions about the presenter&apos;s private life are stopped kindly.</source>
        <translation>پرسش‌های کوتاه و واقعیت‌جو؛ پرسش‌های مربوط به زندگی خصوصی ارائه‌دهنده با مهربانی متوقف می‌شوند.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The presenter sits back and listens while the group wonders aloud about the patient, the doctor and the feelings the case stirs.</source>
        <translation>ارائه‌دهنده عقب می‌نشیند و گوش می‌دهد، در حالی که گروه با صدای بلند درباره بیمار، پزشک و احساس‌هایی که مورد برمی‌انگیزد تأمل می‌کند.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Feelings and fantasies, not diagnoses or advice; the presenter is not drawn back in early.</source>
        <translation>احساس‌ها و خیال‌ها، نه تشخیص یا توصیه؛ ارائه‌دهنده زودهنگام به گفت‌وگو کشانده نمی‌شود.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The presenter rejoins the group and says what struck them, if anything.</source>
        <translation>ارائه‌دهنده به گروه بازمی‌گردد و اگر چیزی در او اثر گذاشته، آن را می‌گوید.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The presenter has the last word; nobody argues with it or sums it up for them.</source>
        <translation>حرف آخر با ارائه‌دهنده است؛ کسی با آن بحث نمی‌کند یا به جای او جمع‌بندی نمی‌کند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leader ends on time, thanks the presenter and may ask for a follow-up.</source>
        <translation>رهبر سر وقت پایان می‌دهد، از ارائه‌دهنده سپاسگزاری می‌کند و ممکن است پیگیری را درخواست کند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time, without a lesson or a verdict; support is signposted where needed.</source>
        <translation>سر وقت، بدون درس دادن یا داوری؛ هر جا لازم باشد، راه دسترسی به حمایت نشان داده می‌شود.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keeping the talk on the relationship between this doctor and this patient.</source>
        <translation>نگه‌داشتن گفت‌وگو بر رابطه میان همین پزشک و همین بیمار.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks how the patient makes people feel, or what kind of doctor the patient wants; steers away from diagnosis, drugs and management.</source>
        <translation>می‌پرسد بیمار چه احساسی در دیگران برمی‌انگیزد یا چه جور پزشکی می‌خواهد؛ گفت‌وگو را از تشخیص، دارو و درمان دور می‌کند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shielding the presenter from personal probing, blame or pressure to justify.</source>
        <translation>محافظت از ارائه‌دهنده در برابر کاوش شخصی، سرزنش یا فشار برای توجیه.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps in at once and kindly when a question turns to the presenter&apos;s private life or competence, without shaming the member who asked.</source>
        <translation>وقتی پرسشی به زندگی خصوصی یا توانایی ارائه‌دهنده کشیده می‌شود، بی‌درنگ و با مهربانی وارد می‌شود، بی‌آنکه عضو پرسشگر را شرمنده کند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Speaking for the patient, who is not in the room.</source>
        <translation>سخن گفتن از زبان بیماری که در اتاق نیست.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the group writes the patient off, wonders aloud how things look from the patient&apos;s side.</source>
        <translation>وقتی گروه بیمار را کنار می‌گذارد، با صدای بلند تأمل می‌کند که ماجرا از نگاه بیمار چگونه است.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Noticing when the group escapes into generalities, theory, referral or advice, and bringing it back.</source>
        <translation>دیدن گریز گروه به کلی‌گویی، نظریه، ارجاع یا توصیه، و بازگرداندن آن.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Names the drift lightly and returns to this patient and this doctor.</source>
        <translation>دور شدن از موضوع را به نرمی نام می‌برد و به همین بیمار و همین پزشک بازمی‌گردد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Making the group a place where people can speak about feelings and mistakes.</source>
        <translation>ساختن گروه به جایی که افراد بتوانند از احساس‌ها و اشتباه‌هایشان سخن بگویند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidentiality is clear; nobody is pushed to disclose; personal stories volunteered freely are allowed to stand.</source>
        <translation>رازداری روشن است؛ کسی برای افشاگری زیر فشار قرار نمی‌گیرد؛ روایت‌های شخصی که آزادانه گفته می‌شوند پذیرفته می‌مانند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Holding the agreed shape of the session: time, phases, who speaks when.</source>
        <translation>نگه‌داشتن ساختار توافق‌شده جلسه: زمان، مرحله‌ها، اینکه چه کسی کی سخن می‌گوید.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts and ends on time and keeps the phases, firmly but without fuss.</source>
        <translation>سر وقت آغاز و پایان می‌دهد و مرحله‌ها را، محکم ولی بی‌هیاهو، نگه می‌دارد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening room for feelings, images and fantasies about the patient and doctor.</source>
        <translation>گشودن جا برای احساس‌ها، تصویرها و خیال‌ها درباره بیمار و پزشک.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invites (“what did you feel as you listened?”) rather than interprets.</source>
        <translation>به جای تفسیر، دعوت می‌کند («وقتی گوش می‌دادید چه احساسی داشتید؟»).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Holding back, so the group does the work.</source>
        <translation>خودداری، تا کار را گروه انجام دهد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allows silences, does not answer for the group, give a lecture or a summary verdict.</source>
        <translation>به سکوت‌ها مجال می‌دهد، به جای گروه پاسخ نمی‌دهد، سخنرانی نمی‌کند و حکم پایانی نمی‌دهد.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pointing people to help beyond the group when they need it.</source>
        <translation>راهنمایی افراد به کمکی بیرون از گروه، هنگامی که نیاز دارند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notices distress or risk, offers a word afterwards or names a support service, without turning the group into therapy.</source>
        <translation>پریشانی یا خطر را می‌بیند، پس از جلسه گفت‌وگویی کوتاه پیشنهاد می‌کند یا یک مرکز حمایتی را نام می‌برد، بی‌آنکه گروه را به درمان بدل کند.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Credit</source>
        <translation>اعتبار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Experts who chose your option ÷ experts who chose the most popular option, from 0 to 1.</source>
        <translation>شمار خبرگانی که گزینه شما را برگزیدند ÷ شمار خبرگانی که پرطرفدارترین گزینه را برگزیدند، از ۰ تا ۱.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1: the panel&apos;s choice. 0.5: half as popular. 0: no expert chose it.</source>
        <translation>۱: انتخاب هیئت. ۰٫۵: با نیمی از آن محبوبیت. ۰: هیچ خبره‌ای آن را برنگزید.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100 × your average credit over the decisions you answered.</source>
        <translation>۱۰۰ × میانگین اعتبار شما در تصمیم‌هایی که پاسخ دادید.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A competency&apos;s score is the average credit of its decisions.</source>
        <translation>امتیاز هر شایستگی میانگین اعتبار تصمیم‌های آن است.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Panel agreement (P)</source>
        <translation>توافق هیئت (P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chance that two experts picked at random chose the same option, from 0 to 1.</source>
        <translation>احتمال اینکه دو خبره که تصادفی برگزیده شده‌اند یک گزینه را انتخاب کرده باشند، از ۰ تا ۱.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Below 0.5 the panel was split: the “right” answer is contested, so read the credit with care.</source>
        <translation>کمتر از ۰٫۵ یعنی هیئت دودسته بوده است: پاسخ «درست» محل اختلاف است، پس اعتبار را با احتیاط بنگرید.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fleiss&apos; kappa</source>
        <translation>کاپای فلایس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much more the experts agree in their 1–5 ratings than they would by chance.</source>
        <translation>اینکه خبرگان در نمره‌های ۱ تا ۵ خود چقدر بیش از حالت تصادفی با هم توافق دارند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 is perfect agreement, 0 no better than chance; above about 0.6 is usually called good.</source>
        <translation>۱ توافق کامل است و ۰ یعنی بهتر از تصادف نیست؛ بالاتر از حدود ۰٫۶ معمولاً خوب شمرده می‌شود.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Krippendorff&apos;s alpha</source>
        <translation>آلفای کریپندورف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement between the experts&apos; ratings, corrected for chance, that also copes with missing ratings and treats 1–5 as ordered.</source>
        <translation>توافق میان نمره‌های خبرگان، اصلاح‌شده برای تصادف، که نمره‌های ناموجود را هم برمی‌تابد و ۱ تا ۵ را ترتیبی در نظر می‌گیرد.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read like kappa: 1 perfect, 0 chance; 0.667 is a common lowest acceptable value.</source>
        <translation>مانند کاپا خوانده می‌شود: ۱ کامل، ۰ تصادفی؛ ۰٫۶۶۷ کمترین مقدار پذیرفتنیِ رایج است.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Facility</source>
        <translation>ضریب آسانی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The share of answers to a decision that earned full credit.</source>
        <translation>سهم پاسخ‌هایی به یک تصمیم که اعتبار کامل گرفتند.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Near 1: easy for this cohort; near 0: hard or perhaps misleading.</source>
        <translation>نزدیک ۱: برای این دوره آسان؛ نزدیک ۰: دشوار یا شاید گمراه‌کننده.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discrimination</source>
        <translation>ضریب تمیز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average credit on a decision among the best 27 % of attempts (by score) minus the average among the lowest 27 %.</source>
        <translation>میانگین اعتبار یک تصمیم در ۲۷٪ بهترین تلاش‌ها (بر پایه امتیاز) منهای میانگین آن در ۲۷٪ پایین‌ترین تلاش‌ها.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Positive (0.3 or more is good): stronger trainees get it right more often. Near zero or negative: the decision may be ambiguous; look at its wording and key.</source>
        <translation>مثبت (۰٫۳ یا بیشتر خوب است): کارآموزان قوی‌تر بیشتر درست پاسخ می‌دهند. نزدیک صفر یا منفی: تصمیم شاید مبهم باشد؛ به نگارش و کلید آن نگاه کنید.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cronbach&apos;s alpha</source>
        <translation>آلفای کرونباخ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How consistently the decisions of a scenario rank trainees: do people who do well on one tend to do well on the others?</source>
        <translation>تصمیم‌های یک سناریو تا چه اندازه کارآموزان را هماهنگ رتبه‌بندی می‌کنند: آیا کسانی که در یکی خوب عمل می‌کنند در بقیه هم خوب عمل می‌کنند؟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>0.7 or more is usually enough to compare trainees; lower means the total score is noisy.</source>
        <translation>۰٫۷ یا بیشتر معمولاً برای مقایسه کارآموزان کافی است؛ کمتر از آن یعنی امتیاز کل پرنوفه است.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Item–rest correlation</source>
        <translation>همبستگی گویه با باقی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How well the credit on one decision goes with the score on all the other decisions.</source>
        <translation>اعتبار یک تصمیم تا چه اندازه با امتیاز همه تصمیم‌های دیگر همسو است.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Positive is good; near zero or negative means this decision measures something else or its key is doubtful.</source>
        <translation>مثبت خوب است؛ نزدیک صفر یا منفی یعنی این تصمیم چیز دیگری را می‌سنجد یا کلیدش جای تردید دارد.</translation>
    </message>
</context>
<context>
    <name>IntroductionDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/guidance.py" line="-65"/>
        <location line="+4"/>
        <source>Welcome to Balint Trainer</source>
        <translation>به تمرین رهبری گروه بالینت خوش آمدید</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Introduction</source>
        <translation>آشنایی</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Drawn from published guidance on leading Balint groups:</source>
        <translation>برگرفته از راهنماهای منتشرشده برای رهبری گروه‌های بالینت:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Don&apos;t show this again</source>
        <translation>دیگر نشان داده نشود (&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the &amp;glossary</source>
        <translation>باز کردن واژه‌نامه (&amp;G)</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/library_model.py" line="+42"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting</source>
        <translation>محیط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competencies</source>
        <translation>شایستگی‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your best</source>
        <translation>بهترین شما</translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>%n comment(s) from your supervisor you have not read yet (Practice → My past attempts…)</source>
        <translation>
            <numerusform>%Ln یادداشت از ناظرتان که هنوز نخوانده‌اید (تمرین ← تلاش‌های پیشین من…)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This file cannot be used:</source>
        <translation>این پرونده به کار نمی‌آید:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (invalid)</source>
        <translation>%1 (نامعتبر)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (unfinished)</source>
        <translation>%1 (ناتمام)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>✉ %n new comment(s) · %1</source>
        <translation>
            <numerusform>✉ %Ln یادداشت تازه · %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Introductory</source>
        <translation>مقدماتی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate</source>
        <translation>میانه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced</source>
        <translation>پیشرفته</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 دقیقه</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/library.py" line="+63"/>
        <source>Search title, setting or competency…</source>
        <translation>جست‌وجوی عنوان، محیط یا شایستگی…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search scenarios</source>
        <translation>جست‌وجوی سناریوها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search:</source>
        <translation>جست‌وجو: (&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by level</source>
        <translation>پالایش بر پایه سطح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All levels</source>
        <translation>همه سطح‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Introductory</source>
        <translation>مقدماتی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate</source>
        <translation>میانه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced</source>
        <translation>پیشرفته</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Level:</source>
        <translation>سطح: (&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by competency</source>
        <translation>پالایش بر پایه شایستگی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Competency:</source>
        <translation>شایستگی: (&amp;C)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scenario library</source>
        <translation>کتابخانه سناریوها</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scenario details</source>
        <translation>جزئیات سناریو</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start &amp;practice</source>
        <translation>شروع تمرین (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start practice</source>
        <translation>شروع تمرین</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback from the expert panel after every decision</source>
        <translation>بازخورد هیئت خبرگان پس از هر تصمیم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start e&amp;xam</source>
        <translation>شروع آزمون (&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start exam</source>
        <translation>شروع آزمون</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback only at the end</source>
        <translation>بازخورد فقط در پایان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>ادامه (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume unfinished attempt</source>
        <translation>ادامه تلاش ناتمام</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open in &amp;editor</source>
        <translation>باز کردن در ویرایشگر (&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the broken file in the scenario editor</source>
        <translation>باز کردن پرونده معیوب در ویرایشگر سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the problems where they are and fix them</source>
        <translation>اشکال‌ها را در جای خودشان ببینید و برطرفشان کنید</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+42"/>
        <location line="+6"/>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Library status</source>
        <translation>وضعیت کتابخانه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenarios read</source>
        <translation>سناریوهای خوانده‌شده</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+7"/>
        <source>Loading scenarios…</source>
        <translation>در حال بارگذاری سناریوها…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading… %1 of %2 files</source>
        <translation>در حال بارگذاری… %1 از %2 پرونده</translation>
    </message>
    <message numerus="yes">
        <location line="+113"/>
        <source>%n scenario(s)</source>
        <translation>
            <numerusform>%Ln سناریو</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) with problems</source>
        <translation>
            <numerusform>%Ln پرونده دارای اشکال</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All competencies</source>
        <translation>همه شایستگی‌ها</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>No scenario matches the search.</source>
        <translation>هیچ سناریویی با جست‌وجو جور نیست.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This file cannot be used until these problems are fixed:</source>
        <translation>تا این اشکال‌ها برطرف نشوند این پرونده به کار نمی‌آید:</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%Ln دقیقه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%Ln تصمیم</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your best: %1</source>
        <translation>بهترین شما: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Competencies:</source>
        <translation>شایستگی‌ها:</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n comment(s) from your supervisor on your attempts you have not read yet: Practice → My past attempts… (Ctrl+Shift+R).</source>
        <translation>
            <numerusform>%Ln یادداشت از ناظرتان درباره تلاش‌هایتان که هنوز نخوانده‌اید: تمرین ← تلاش‌های پیشین من… (Ctrl+Shift+R).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your own copy of a built-in scenario, saved in %1. It takes the built-in&apos;s place in your library; delete this file and reload the library (F5) to get the built-in back.</source>
        <translation>نسخه خودتان از یک سناریوی همراه برنامه، ذخیره‌شده در %1. این نسخه در کتابخانه شما جای سناریوی همراه برنامه را می‌گیرد؛ برای بازگشت به سناریوی همراه برنامه، این پرونده را حذف کنید و کتابخانه را دوباره بارگذاری کنید (F5).</translation>
    </message>
</context>
<context>
    <name>LrsDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/lrs.py" line="+218"/>
        <source>Learning record store</source>
        <translation>انباره سوابق یادگیری</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario</source>
        <translation>سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement</source>
        <translation>گزاره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tries</source>
        <translation>دفعه‌های تلاش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>sent</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed ({reason})</source>
        <translation>ناموفق ({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>waiting ({reason})</source>
        <translation>در انتظار ({reason})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting</source>
        <translation>در انتظار</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>answer to {decision}</source>
        <translation>پاسخ به {decision}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>attempt completed</source>
        <translation>تلاش کامل شد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>passed or failed</source>
        <translation>قبول یا رد</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Learning record store (LRS)</source>
        <translation>انباره سوابق یادگیری (LRS)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Endpoint (xAPI):</source>
        <translation>نشانی مقصد (xAPI): (&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>نام کاربری: (&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>گذرواژه: (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mastery score:</source>
        <translation>امتیاز تسلط: (&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Course home page:</source>
        <translation>نشانی وب دوره:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Statements for the LRS</source>
        <translation>گزاره‌های LRS</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save settings</source>
        <translation>ذخیره تنظیمات (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;now</source>
        <translation>ارسال هم‌اکنون (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retry failed</source>
        <translation>تلاش دوباره برای ناموفق‌ها (&amp;R)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not saved: %1</source>
        <translation>ذخیره نشد: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent: %1 · waiting: %2 · failed: %3</source>
        <translation>ارسال‌شده: %1 · در انتظار: %2 · ناموفق: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no LRS configured: statements wait in the queue</source>
        <translation>هیچ LRSی تنظیم نشده است: گزاره‌ها در صف می‌مانند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>enter the password to send</source>
        <translation>برای ارسال، گذرواژه را بنویسید</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last try: %1</source>
        <translation>آخرین تلاش: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Looking for the system keyring…</source>
        <translation>در حال جست‌وجوی جاکلیدی سیستم…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password is kept in the system keyring, never in the database or the settings.</source>
        <translation>گذرواژه در جاکلیدی سیستم نگه داشته می‌شود، هرگز در پایگاه داده یا تنظیمات.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No system keyring is available: the password is kept in memory only, until Balint Trainer closes, and asked again next session. It is never written to the database or the settings.</source>
        <translation>جاکلیدی سیستم در دسترس نیست: گذرواژه فقط تا بسته شدن برنامه در حافظه نگه داشته می‌شود و بار بعد دوباره پرسیده می‌شود. هرگز در پایگاه داده یا تنظیمات نوشته نمی‌شود.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(stored — type to change)</source>
        <translation>(ذخیره‌شده — برای تغییر بنویسید)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>required to send</source>
        <translation>برای ارسال لازم است</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../balint_trainer/gui/accounts/session.py" line="+54"/>
        <location filename="../../balint_trainer/gui/main_window.py" line="+125"/>
        <source>Balint Trainer</source>
        <translation>تمرین رهبری گروه بالینت</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/main_window.py" line="+9"/>
        <source>Where answers are saved</source>
        <translation>محل ذخیره پاسخ‌ها</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+18"/>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/menus.py" line="+46"/>
        <source>&amp;File</source>
        <translation>پرونده (&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add scenario folder…</source>
        <translation>افزودن پوشه سناریو… (&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reload library</source>
        <translation>بارگذاری دوباره کتابخانه (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export my attempts for my supervisor…</source>
        <translation>صدور تلاش‌هایم برای ناظرم… (&amp;E)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Quit</source>
        <translation>خروج (&amp;Q)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Practice</source>
        <translation>تمرین (&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start &amp;practice</source>
        <translation>شروع تمرین (&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start &amp;exam</source>
        <translation>شروع آزمون (&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Resume unfinished attempt</source>
        <translation>ادامه تلاش ناتمام (&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Library</source>
        <translation>کتابخانه (&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your pro&amp;gress</source>
        <translation>پیشرفت شما (&amp;G)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Tools</source>
        <translation>ابزارها (&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Supervisor view…</source>
        <translation>نمای ناظر… (&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scenario &amp;editor…</source>
        <translation>ویرایشگر سناریو… (&amp;E)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Expert &amp;annotation…</source>
        <translation>حاشیه‌نویسی خبره… (&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xport scenario pack…</source>
        <translation>صدور بسته سناریو… (&amp;X)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import scenario pack…</source>
        <translation>وارد کردن بسته سناریو… (&amp;I)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Help</source>
        <translation>راهنما (&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Balint Trainer</source>
        <translation>درباره تمرین رهبری گروه بالینت (&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>درباره Qt (&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../balint_trainer/gui/main_window.py" line="+218"/>
        <source>Library loaded: %n scenario(s)</source>
        <translation>
            <numerusform>کتابخانه بارگذاری شد: %Ln سناریو</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/startup.py" line="+216"/>
        <location line="+6"/>
        <source>Not saving: no database</source>
        <translation>ذخیره نمی‌شود: پایگاه داده‌ای نیست</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/menus.py" line="-133"/>
        <source>Import &amp;feedback from my supervisor…</source>
        <translation>وارد کردن بازخورد ناظرم… (&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore from &amp;backup…</source>
        <translation>بازگردانی از نسخه پشتیبان… (&amp;B)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Switch profile…</source>
        <translation>تعویض نمایه… (&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set &amp;password…</source>
        <translation>تعیین گذرواژه… (&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open annotation request…</source>
        <translation>باز کردن درخواست حاشیه‌نویسی… (&amp;O)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>My past a&amp;ttempts…</source>
        <translation>تلاش‌های پیشین من… (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/startup.py" line="-89"/>
        <source>Opening profiles…</source>
        <translation>در حال باز کردن نمایه‌ها…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+86"/>
        <source>Answers will not be saved</source>
        <translation>پاسخ‌ها ذخیره نخواهند شد</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/main_window.py" line="-26"/>
        <source>Library</source>
        <translation>کتابخانه</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The library could not be read:</source>
        <translation>کتابخانه خوانده نشد:</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/startup.py" line="+1"/>
        <source>The database could not be opened, so your answers will not be saved this time.

%1</source>
        <translation>پایگاه داده باز نشد، بنابراین پاسخ‌های شما این بار ذخیره نمی‌شوند.

%1</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/accounts/session.py" line="-6"/>
        <source>local database</source>
        <translation>پایگاه داده محلی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>course database</source>
        <translation>پایگاه داده دوره</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody is practising yet: File → Switch profile…</source>
        <translation>هنوز کسی تمرین نمی‌کند: پرونده ← تعویض نمایه…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — Balint Trainer</source>
        <translation>%1 — تمرین رهبری گروه بالینت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · saved to the %2</source>
        <translation>%1 · ذخیره در %2</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Switch profile</source>
        <translation>تعویض نمایه</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/main_window.py" line="-86"/>
        <source>Password set.</source>
        <translation>گذرواژه تعیین شد.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Could not read your scores: %1</source>
        <translation>امتیازهای شما خوانده نشد: %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Opening the database…</source>
        <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Add a folder of scenarios</source>
        <translation>افزودن پوشه‌ای از سناریوها</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/export_attempts.py" line="+48"/>
        <source>Export my attempts</source>
        <translation>صدور تلاش‌هایم</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>You have no attempts to export yet. Practise a scenario first.</source>
        <translation>هنوز تلاشی برای صدور ندارید. نخست یک سناریو را تمرین کنید.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export my attempts for my supervisor</source>
        <translation>صدور تلاش‌هایم برای ناظرم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempt bundles (*.json.gz *.json)</source>
        <translation>بسته‌های تلاش (*.json.gz *.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your attempts were not exported; no file was written.

%1</source>
        <translation>تلاش‌های شما صادر نشد؛ هیچ پرونده‌ای نوشته نشد.

%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%Ln attempt(s) exported to %1</source>
        <translation>%Ln تلاش در %1 صادر شد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send this file to your supervisor, who imports it in the supervisor view (Profiles → Import trainee attempts…). Export again after practising more: each file holds all your attempts, and importing one twice adds nothing.</source>
        <translation>این پرونده را برای ناظرتان بفرستید تا آن را در نمای ناظر وارد کند (نمایه‌ها ← وارد کردن تلاش‌های کارآموز…). پس از تمرین بیشتر دوباره صادر کنید: هر پرونده همه تلاش‌های شما را در بر دارد و وارد کردن دوباره یک پرونده چیزی نمی‌افزاید.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/controller.py" line="+218"/>
        <source>practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have an unfinished %1 attempt at this scenario, started %2, with %3 of %4 decisions answered.

Resume it, or start a new attempt? The unfinished one is kept either way.</source>
        <translation>یک تلاش %1 ناتمام در این سناریو دارید که %2 شروع شده و به %3 از %4 تصمیم آن پاسخ داده‌اید.

آن را ادامه می‌دهید یا تلاش تازه‌ای شروع می‌کنید؟ تلاش ناتمام در هر حال نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Unfinished attempt</source>
        <translation>تلاش ناتمام</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+10"/>
        <source>Cannot start</source>
        <translation>شروع ممکن نیست</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1 has changed and is no longer valid; reload the library (F5).</source>
        <translation>%1 تغییر کرده و دیگر معتبر نیست؛ کتابخانه را دوباره بارگذاری کنید (F5).</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Nothing to resume for this scenario.</source>
        <translation>چیزی برای ادامه در این سناریو نیست.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+4"/>
        <source>Cannot resume</source>
        <translation>ادامه ممکن نیست</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/pages.py" line="+92"/>
        <source>Practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not saved</source>
        <translation>ذخیره‌نشده</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Cannot save this attempt</source>
        <translation>این تلاش ذخیره نمی‌شود</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The attempt could not be stored:

%1

Practise anyway, without saving?</source>
        <translation>تلاش ذخیره نشد:

%1

بدون ذخیره تمرین می‌کنید؟</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Answer not saved</source>
        <translation>پاسخ ذخیره نشد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your answer could not be saved:

%1</source>
        <translation>پاسخ شما ذخیره نشد:

%1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Answer saved.</source>
        <translation>پاسخ ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/controller.py" line="+120"/>
        <source>Attempt not finished</source>
        <translation>تلاش تمام نشده است</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/leaving.py" line="+14"/>
        <source>Quit Balint Trainer</source>
        <translation>خروج از برنامه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit in the middle of this session? Your answers so far are saved; you can resume it from the library next time.</source>
        <translation>در میانه این جلسه خارج می‌شوید؟ پاسخ‌های شما تا اینجا ذخیره شده‌اند؛ دفعه بعد می‌توانید آن را از کتابخانه ادامه دهید.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit in the middle of this session? Your answers are not saved.</source>
        <translation>در میانه این جلسه خارج می‌شوید؟ پاسخ‌های شما ذخیره نشده‌اند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave this session? Your answers so far are saved; you can resume it from the library.</source>
        <translation>این جلسه را ترک می‌کنید؟ پاسخ‌های شما تا اینجا ذخیره شده‌اند؛ می‌توانید آن را از کتابخانه ادامه دهید.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave this session? Your answers are not saved.</source>
        <translation>این جلسه را ترک می‌کنید؟ پاسخ‌های شما ذخیره نشده‌اند.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/pages.py" line="+105"/>
        <source>Could not load recorded sessions</source>
        <translation>جلسه‌های ضبط‌شده بارگذاری نشد</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/backups.py" line="+80"/>
        <source>Restore from backup</source>
        <translation>بازگردانی از نسخه پشتیبان</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backups are kept for the local database only; a course database is backed up by its administrator.</source>
        <translation>نسخه‌های پشتیبان فقط برای پایگاه داده محلی نگه داشته می‌شوند؛ از پایگاه داده دوره، مدیر آن پشتیبان می‌گیرد.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There are no backups of %1 yet.</source>
        <translation>هنوز نسخه پشتیبانی از %1 نیست.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/main_window.py" line="+172"/>
        <source>Restoring a backup…</source>
        <translation>در حال بازگردانی نسخه پشتیبان…</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/leaving.py" line="-7"/>
        <source>Leave session</source>
        <translation>ترک جلسه</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/resume_prompt.py" line="+13"/>
        <source>&amp;Resume</source>
        <translation>ادامه (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start &amp;new</source>
        <translation>شروع تازه (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/menus.py" line="-10"/>
        <source>Lea&amp;ve session</source>
        <translation>ترک جلسه (&amp;V)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Edit selec&amp;ted scenario…</source>
        <translation>ویرایش سناریوی انتخاب‌شده… (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/leaving.py" line="+12"/>
        <source>The choice you have not confirmed yet is not saved.</source>
        <translation>انتخابی که هنوز تأیید نکرده‌اید ذخیره نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/pages.py" line="-35"/>
        <location line="+14"/>
        <source>Progress</source>
        <translation>پیشرفت</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Progress needs the database, which is not open.</source>
        <translation>نمایش پیشرفت به پایگاه داده نیاز دارد که باز نیست.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/main_window.py" line="-66"/>
        <location line="+6"/>
        <source>Not available</source>
        <translation>در دسترس نیست</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>This tool is not available in this installation.

%1</source>
        <translation>این ابزار در این نصب در دسترس نیست.

%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This tool needs the database, which is not open.</source>
        <translation>این ابزار به پایگاه داده نیاز دارد که باز نیست.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tool failed</source>
        <translation>ابزار با خطا روبه‌رو شد</translation>
    </message>
</context>
<context>
    <name>NewProfileDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/accounts/profile_dialogs.py" line="+38"/>
        <source>Trainee (practises scenarios)</source>
        <translation>کارآموز (سناریوها را تمرین می‌کند)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor or expert (reviews, comments, annotates blind)</source>
        <translation>ناظر یا خبره (بازبینی می‌کند، یادداشت می‌نویسد، بی‌خبر از دیگران حاشیه‌نویسی می‌کند)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organiser (sees all annotations, merges the key)</source>
        <translation>برگزارکننده (همه حاشیه‌نویسی‌ها را می‌بیند و کلید را ادغام می‌کند)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A profile named “{name}” already exists; choose another name.</source>
        <translation>نمایه‌ای با نام «{name}» از پیش وجود دارد؛ نام دیگری برگزینید.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>New profile</source>
        <translation>نمایه تازه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As colleagues should see it</source>
        <translation>آن‌گونه که همکاران باید ببینند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cohort</source>
        <translation>دوره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, e.g. 2026-spring</source>
        <translation>اختیاری، مثلاً 2026-spring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>اشکال</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>نام: (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>نقش: (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ohort:</source>
        <translation>دوره: (&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Create</source>
        <translation>ایجاد (&amp;C)</translation>
    </message>
</context>
<context>
    <name>OrganiserExchange</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_exchange.py" line="-304"/>
        <source>Export re&amp;quest…</source>
        <translation>صدور درخواست… (&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export a blind annotation request for experts</source>
        <translation>صدور درخواست حاشیه‌نویسی برای خبرگان، بی‌آنکه کلید و رأی‌ها را ببینند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import annotation files…</source>
        <translation>وارد کردن پرونده‌های حاشیه‌نویسی… (&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import experts&apos; annotation files</source>
        <translation>وارد کردن پرونده‌های حاشیه‌نویسی خبرگان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several files at once; or drop them on this window</source>
        <translation>چند پرونده با هم؛ یا آن‌ها را روی این پنجره رها کنید</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>%n request file(s) written</source>
        <translation>
            <numerusform>%Ln پرونده درخواست نوشته شد</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export annotation request</source>
        <translation>صدور درخواست حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written:
%1

Send each expert their file. They open it with File → Open annotation request… (or drop it on the app), annotate, and send back the annotation file they export.</source>
        <translation>نوشته شد:
%1

پرونده هر خبره را برایش بفرستید. او آن را با پرونده ← باز کردن درخواست حاشیه‌نویسی… باز می‌کند (یا روی برنامه رها می‌کند)، حاشیه‌نویسی می‌کند و پرونده حاشیه‌نویسی‌ای را که صادر می‌کند بازمی‌فرستد.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request not exported</source>
        <translation>درخواست صادر نشد</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import failed</source>
        <translation>وارد کردن ناموفق بود</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: not imported, nothing changed.</source>
        <translation>%1: وارد نشد، چیزی تغییر نکرد.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1: %2 — %n vote(s) added, %3 replaced by newer ones, %4 unchanged.</source>
        <translation>
            <numerusform>%1: %2 — %Ln رأی افزوده شد، %3 با رأی‌های تازه‌تر جایگزین شد، %4 بدون تغییر.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Imported %1 of %n annotation file(s).</source>
        <translation>
            <numerusform>%1 از %Ln پرونده حاشیه‌نویسی وارد شد.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-23"/>
        <source>%1 kept: newer votes of this expert are already here.</source>
        <translation>%1 نگه داشته شد: رأی‌های تازه‌تر این خبره از پیش اینجا هستند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new expert profile was created.</source>
        <translation>یک نمایه خبره تازه ایجاد شد.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Note: votes for %1 are for the version you sent, which differs from the file in your library now; this view shows the library&apos;s version, so those votes are stored but not shown or merged here.</source>
        <translation>توجه: رأی‌های %1 برای نسخه‌ای است که فرستادید و با پرونده کنونی کتابخانه شما فرق دارد؛ این نما نسخه کتابخانه را نشان می‌دهد، پس آن رأی‌ها ذخیره می‌شوند ولی اینجا نشان داده یا ادغام نمی‌شوند.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+2"/>
        <source>Import annotation files</source>
        <translation>وارد کردن پرونده‌های حاشیه‌نویسی</translation>
    </message>
</context>
<context>
    <name>OwnReview</name>
    <message>
        <location filename="../../balint_trainer/reports/own_review.py" line="-132"/>
        <source>“{label}”</source>
        <translation>«{label}»</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Decision {number} of {count}: {competency}</source>
        <translation>تصمیم {number} از {count}: {competency}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+63"/>
        <source>your choice</source>
        <translation>انتخاب شما</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+65"/>
        <source>panel&apos;s choice</source>
        <translation>انتخاب هیئت</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Shown</source>
        <translation>ترتیب نمایش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Option</source>
        <translation>گزینه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Panel votes</source>
        <translation>رأی‌های هیئت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>اعتبار</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>What you saw, and how the panel voted</source>
        <translation>آنچه دیدید و رأی هیئت</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You chose {option}: credit {credit}, time taken {time}.</source>
        <translation>شما {option} را برگزیدید: اعتبار {credit}، زمان صرف‌شده {time}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not recorded</source>
        <translation>ثبت نشده</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In your own words</source>
        <translation>به زبان خودتان</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not answered in this attempt.</source>
        <translation>در این تلاش پاسخ داده نشده است.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feedback on each option</source>
        <translation>بازخورد هر گزینه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No feedback is written for this option.</source>
        <translation>برای این گزینه بازخوردی نوشته نشده است.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Your supervisor&apos;s comments</source>
        <translation>یادداشت‌های ناظر شما</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No comments on this decision.</source>
        <translation>یادداشتی درباره این تصمیم نیست.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not finished</source>
        <translation>ناتمام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>score {score}</source>
        <translation>امتیاز {score}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started {started} · {mode} · {score}</source>
        <translation>آغاز: {started} · {mode} · {score}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Comments on the whole attempt</source>
        <translation>یادداشت‌ها درباره کل تلاش</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Recorded sessions coded by your supervisor</source>
        <translation>جلسه‌های ضبط‌شده‌ای که ناظرتان کدگذاری کرده است</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No recorded session of a group you led has been coded yet.</source>
        <translation>هنوز هیچ جلسه ضبط‌شده‌ای از گروه‌هایی که رهبری کرده‌اید کدگذاری نشده است.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ratings: 1 not yet seen, 2 emerging, 3 competent, 4 proficient, 5 exemplary. The recordings themselves are not stored.</source>
        <translation>نمره‌ها: ۱ هنوز دیده نشده، ۲ در حال شکل‌گیری، ۳ توانمند، ۴ ماهر، ۵ نمونه. خود ضبط‌ها نگه داشته نمی‌شوند.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your simulator results and your supervisor&apos;s ratings</source>
        <translation>نتیجه‌های شما در شبیه‌ساز و نمره‌های ناظرتان</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <location line="+17"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Simulator (mean credit)</source>
        <translation>شبیه‌ساز (میانگین اعتبار)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded sessions (latest rating)</source>
        <translation>جلسه‌های ضبط‌شده (آخرین نمره)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{when}: {file} ({length}), coded by {who}</source>
        <translation>{when}: {file} ({length})، کدگذاری‌شده توسط {who}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last edited {when}.</source>
        <translation>آخرین ویرایش: {when}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Global ratings</source>
        <translation>نمره‌های کلی</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+17"/>
        <source>Rating</source>
        <translation>نمره</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>What good looks like</source>
        <translation>نشانه‌های کار خوب</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Marked moments</source>
        <translation>لحظه‌های علامت‌گذاری‌شده</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
<context>
    <name>OwnReviewView</name>
    <message>
        <location filename="../../balint_trainer/gui/review.py" line="+19"/>
        <source>My past attempts</source>
        <translation>تلاش‌های پیشین من</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+55"/>
        <location line="+33"/>
        <location line="+64"/>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Past attempts status</source>
        <translation>وضعیت تلاش‌های پیشین</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your past attempts</source>
        <translation>تلاش‌های پیشین شما</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Review of the selected attempt</source>
        <translation>مرور تلاش انتخاب‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the &amp;library</source>
        <translation>بازگشت به کتابخانه (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the library</source>
        <translation>بازگشت به کتابخانه</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recorded sessions of groups you led, coded by your supervisor</source>
        <translation>جلسه‌های ضبط‌شده گروه‌هایی که رهبری کرده‌اید، کدگذاری‌شده توسط ناظرتان</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Attempts</source>
        <translation>تلاش‌ها (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+69"/>
        <source>&amp;Recorded sessions</source>
        <translation>جلسه‌های ضبط‌شده (&amp;R)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>No attempts yet. Practise a scenario and it will be listed here.</source>
        <translation>هنوز تلاشی نیست. یک سناریو را تمرین کنید تا اینجا فهرست شود.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not read your attempts</source>
        <translation>تلاش‌های شما خوانده نشد</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Recorded sessions (%1)</source>
        <translation>جلسه‌های ضبط‌شده (%1) (&amp;R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not read your recorded sessions</source>
        <translation>جلسه‌های ضبط‌شده شما خوانده نشد</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%Ln تلاش</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unread comment(s)</source>
        <translation>
            <numerusform>%Ln یادداشت نخوانده</numerusform>
        </translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Could not read this attempt</source>
        <translation>این تلاش خوانده نشد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read your attempts: %1</source>
        <translation>تلاش‌های شما خوانده نشد: %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/accounts/profile_chooser.py" line="+243"/>
        <source>Password of {name}</source>
        <translation>گذرواژه {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With a password, nobody else on this computer can practise as you. Leave the current password empty if you have none yet.</source>
        <translation>با گذرواژه، هیچ‌کس دیگری در این رایانه نمی‌تواند به نام شما تمرین کند. اگر هنوز گذرواژه‌ای ندارید، گذرواژه کنونی را خالی بگذارید.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Current password:</source>
        <translation>گذرواژه کنونی: (&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current password</source>
        <translation>گذرواژه کنونی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>گذرواژه تازه: (&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password</source>
        <translation>گذرواژه تازه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat it:</source>
        <translation>تکرار آن: (&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat the new password</source>
        <translation>تکرار گذرواژه تازه</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problem</source>
        <translation>اشکال</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Set password</source>
        <translation>تعیین گذرواژه (&amp;S)</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The new password must have at least %n characters.</source>
        <translation>
            <numerusform>گذرواژه تازه باید دست‌کم %Ln نویسه داشته باشد.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two new passwords differ.</source>
        <translation>دو گذرواژه تازه یکسان نیستند.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set password</source>
        <translation>تعیین گذرواژه</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The current password is wrong.</source>
        <translation>گذرواژه کنونی نادرست است.</translation>
    </message>
</context>
<context>
    <name>PhaseIndicator</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/phase.py" line="+78"/>
        <source>not started</source>
        <translation>آغازنشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase: %1</source>
        <translation>مرحله: %1</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <location line="-62"/>
        <source>Frame</source>
        <translation>چارچوب</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation</source>
        <translation>ارائه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions</source>
        <translation>پرسش‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push-back</source>
        <translation>پس‌نشستن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing</source>
        <translation>پایان‌بندی</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/player.py" line="+69"/>
        <source>Session clock</source>
        <translation>ساعت جلسه</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+15"/>
        <location line="+201"/>
        <source>The case</source>
        <translation>مورد</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>&amp;Begin the session</source>
        <translation>آغاز جلسه (&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Begin the session</source>
        <translation>آغاز جلسه</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the presenter&apos;s case first. Press Enter to begin.</source>
        <translation>ابتدا مورد ارائه‌دهنده را بخوانید. برای آغاز Enter را بزنید.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Session transcript</source>
        <translation>متن گفت‌وگوی جلسه</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>&amp;Next line</source>
        <translation>سطر بعد (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next line</source>
        <translation>سطر بعد</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/feedback.py" line="-164"/>
        <location filename="../../balint_trainer/gui/practice/player.py" line="+1"/>
        <source>Space or Enter</source>
        <translation>فاصله یا Enter</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/player.py" line="+2"/>
        <source>&amp;Auto-play</source>
        <translation>پخش خودکار (&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-play</source>
        <translation>پخش خودکار</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Auto-play speed</source>
        <translation>سرعت پخش خودکار</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;peed:</source>
        <translation>سرعت: (&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Real t&amp;ime:</source>
        <translation>زمان واقعی: (&amp;I)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Space or Enter reveals the next line. At each decision the session pauses.</source>
        <translation>کلید فاصله یا Enter سطر بعد را نشان می‌دهد. جلسه در هر تصمیم می‌ایستد.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/decision.py" line="+45"/>
        <source>Decision prompt</source>
        <translation>پرسش تصمیم</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What would you say to the group?</source>
        <translation>به گروه چه می‌گویید؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In my own words</source>
        <translation>به زبان خودم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Confirm choice</source>
        <translation>تأیید انتخاب (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm choice</source>
        <translation>تأیید انتخاب</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter (Ctrl+Enter while typing)</source>
        <translation>Enter (هنگام نوشتن Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose with the mouse or keys 1–8, then press Enter.</source>
        <translation>با ماوس یا کلیدهای ۱ تا ۸ انتخاب کنید، سپس Enter را بزنید.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/player.py" line="+268"/>
        <source>Time ran out: no intervention.</source>
        <translation>زمان تمام شد: بدون مداخله.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/feedback.py" line="+20"/>
        <source>Your credit: %1 of %2</source>
        <translation>اعتبار شما: %1 از %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>What is credit?</source>
        <translation>اعتبار چیست؟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What is “%1”?</source>
        <translation>«%1» چیست؟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What is panel agreement?</source>
        <translation>توافق هیئت چیست؟</translation>
    </message>
    <message numerus="yes">
        <location filename="../../balint_trainer/gui/practice/player.py" line="+42"/>
        <source>The session is over. You answered %1 of %n decision(s).</source>
        <translation>
            <numerusform>جلسه به پایان رسید. شما به %1 از %Ln تصمیم پاسخ دادید.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/transcript.py" line="+34"/>
        <source>— %1</source>
        <translation>— %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/decision.py" line="-30"/>
        <source>In my &amp;own words (optional):</source>
        <translation>به زبان خودم (اختیاری): (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/feedback.py" line="-105"/>
        <source>Your credit</source>
        <translation>اعتبار شما</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the credit means</source>
        <translation>معنای اعتبار</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Explanations in the glossary</source>
        <translation>توضیح‌ها در واژه‌نامه</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expert feedback</source>
        <translation>بازخورد خبرگان</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ontinue</source>
        <translation>ادامه (&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue the session</source>
        <translation>ادامه جلسه</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/player.py" line="-285"/>
        <source>See the &amp;summary</source>
        <translation>دیدن خلاصه (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the summary</source>
        <translation>دیدن خلاصه</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expert feedback after every decision</source>
        <translation>بازخورد خبرگان پس از هر تصمیم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expert feedback at the end</source>
        <translation>بازخورد خبرگان در پایان</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>— resumed: you continue where you stopped —</source>
        <translation>— ادامه: از جایی که ایستادید ادامه می‌دهید —</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In the group</source>
        <translation>در گروه</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You have not led this group&apos;s earlier meeting; it is played as if that meeting had gone the way this scenario assumes when nobody has led it.</source>
        <translation>شما جلسه پیشین این گروه را رهبری نکرده‌اید؛ این جلسه چنان پخش می‌شود که گویی جلسه پیشین همان‌گونه پیش رفته که این سناریو، وقتی کسی آن را رهبری نکرده، فرض می‌کند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This group remembers the earlier meeting you led: it goes on from what you did there.</source>
        <translation>این گروه جلسه پیشینی را که شما رهبری کردید به یاد دارد: از همان‌جا که شما آن را پیش بردید ادامه می‌یابد.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Decision %1 — %2</source>
        <translation>تصمیم %1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decision %1 of %2 — %3</source>
        <translation>تصمیم %1 از %2 — %3</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/decision.py" line="+57"/>
        <source>Option %1: %2</source>
        <translation>گزینه %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>option %1 of %2</source>
        <translation>گزینه %1 از %2</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/player.py" line="+41"/>
        <source>Choose an option first (keys 1–8), then press Enter.</source>
        <translation>نخست یک گزینه را انتخاب کنید (کلیدهای ۱ تا ۸)، سپس Enter را بزنید.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Answer saved. Feedback comes at the end of the exam.</source>
        <translation>پاسخ ذخیره شد. بازخورد در پایان آزمون می‌آید.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+71"/>
        <source>— end of the session —</source>
        <translation>— پایان جلسه —</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/transcript.py" line="+42"/>
        <location line="+51"/>
        <source>You (leader)</source>
        <translation>شما (رهبر)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(You)</source>
        <translation>(شما)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In your own words: %1</source>
        <translation>به زبان خودتان: %1</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/player.py" line="-58"/>
        <source>Session clock %1 / %2</source>
        <translation>ساعت جلسه %1 / %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simulated time into the group session</source>
        <translation>زمان شبیه‌سازی‌شده از آغاز جلسه گروه</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decisions %1/%2</source>
        <translation>تصمیم‌ها %1/%2</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/practice/realtime.py" line="+47"/>
        <location filename="../../balint_trainer/gui/practice/transcript.py" line="+22"/>
        <source>— the group goes on while you decide —</source>
        <translation>— گروه در حالی که تصمیم می‌گیرید ادامه می‌دهد —</translation>
    </message>
</context>
<context>
    <name>PracticePages</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/pages.py" line="-60"/>
        <source>The answer is kept. Try to save it again now? (Otherwise it is tried again with your next answer.)</source>
        <translation>پاسخ نگه داشته شده است. همین حالا دوباره ذخیره شود؟ (وگرنه همراه پاسخ بعدی‌تان دوباره امتحان می‌شود.)</translation>
    </message>
</context>
<context>
    <name>ProfileChooser</name>
    <message>
        <location filename="../../balint_trainer/gui/accounts/profile_chooser.py" line="-225"/>
        <location line="+102"/>
        <source>Who is practising?</source>
        <translation>چه کسی تمرین می‌کند؟</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Choose your profile. Each profile has its own attempts and scores.</source>
        <translation>نمایه خود را برگزینید. هر نمایه تلاش‌ها و امتیازهای خودش را دارد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainee profiles</source>
        <translation>نمایه‌های کارآموزان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Profiles:</source>
        <translation>نمایه‌ها: (&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>گذرواژه: (&amp;W)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problem</source>
        <translation>اشکال</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New profile…</source>
        <translation>نمایه تازه… (&amp;N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Practise as this profile</source>
        <translation>تمرین با این نمایه (&amp;P)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Type the password of {name}.</source>
        <translation>گذرواژه {name} را بنویسید.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wrong password. Try again.</source>
        <translation>گذرواژه نادرست است. دوباره امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/accounts/profile_dialogs.py" line="+119"/>
        <source>Problem</source>
        <translation>اشکال</translation>
    </message>
</context>
<context>
    <name>ProfileTableModel</name>
    <message>
        <location filename="../../balint_trainer/gui/accounts/profiles.py" line="+91"/>
        <source>Trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>ناظر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organiser</source>
        <translation>برگزارکننده</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cohort</source>
        <translation>دوره</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Database login</source>
        <translation>نام ورود به پایگاه داده</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name}: the profile practising in this window</source>
        <translation>{name}: نمایه‌ای که در این پنجره تمرین می‌کند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No cohort</source>
        <translation>بدون دوره</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PostgreSQL login role; it keeps its name when the profile is renamed</source>
        <translation>نقش ورود PostgreSQL؛ با تغییر نام نمایه، نامش تغییر نمی‌کند</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/menus.py" line="+27"/>
        <source>&amp;Profiles…</source>
        <translation>نمایه‌ها… (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="+185"/>
        <source>&amp;Manage profiles…</source>
        <translation>مدیریت نمایه‌ها… (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/accounts/profiles.py" line="+35"/>
        <location line="+17"/>
        <location line="+85"/>
        <source>Profiles</source>
        <translation>نمایه‌ها</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Filter by name, role or cohort</source>
        <translation>پالایش بر پایه نام، نقش یا دوره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter profiles</source>
        <translation>پالایش نمایه‌ها</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Profiles:</source>
        <translation>نمایه‌ها: (&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New…</source>
        <translation>تازه… (&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Rename…</source>
        <translation>تغییر نام… (&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change c&amp;ohort…</source>
        <translation>تغییر دوره… (&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge into…</source>
        <translation>ادغام در… (&amp;M)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Last change</source>
        <translation>آخرین تغییر</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading the profiles…</source>
        <translation>در حال بارگذاری نمایه‌ها…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not load the profiles: {error}</source>
        <translation>نمایه‌ها بارگیری نشدند: {error}</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>{old} is now called {new}.</source>
        <translation>نام {old} اکنون {new} است.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database login stays {login}; the password does not change.</source>
        <translation>نام ورود به پایگاه داده همان {login} می‌ماند؛ گذرواژه تغییر نمی‌کند.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename {name}</source>
        <translation>تغییر نام {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;name:</source>
        <translation>نام تازه: (&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New name</source>
        <translation>نام تازه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename</source>
        <translation>تغییر نام (&amp;R)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{name} moved to cohort {cohort}.</source>
        <translation>{name} به دوره {cohort} منتقل شد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is in no cohort now.</source>
        <translation>{name} اکنون در هیچ دوره‌ای نیست.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Supervisors of the new cohort will see this trainee&apos;s attempts and comments; those of the old cohort no longer will. Leave it blank for no cohort.</source>
        <translation>ناظران دوره تازه تلاش‌ها و یادداشت‌های این کارآموز را خواهند دید و ناظران دوره پیشین دیگر نه. برای بدون دوره، خالی بگذارید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This supervisor will see the trainees of the new cohort instead. Leave it blank for no cohort.</source>
        <translation>این ناظر به جای آن، کارآموزان دوره تازه را خواهد دید. برای بدون دوره، خالی بگذارید.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cohort of {name}</source>
        <translation>دوره {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ohort:</source>
        <translation>دوره: (&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohort</source>
        <translation>دوره</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave it blank for no cohort.</source>
        <translation>برای بدون دوره، خالی بگذارید.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move</source>
        <translation>انتقال (&amp;M)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Set</source>
        <translation>تعیین (&amp;S)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Profile {name} created.</source>
        <translation>نمایه {name} ایجاد شد.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/accounts/profile_merge.py" line="+26"/>
        <source>Merge {name} into…</source>
        <translation>ادغام {name} در…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything of {name} moves to the profile you choose; {name} is then removed.</source>
        <translation>همه چیزِ {name} به نمایه‌ای که برمی‌گزینید منتقل می‌شود؛ سپس {name} حذف می‌شود.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Attempts</source>
        <translation>تلاش‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments received</source>
        <translation>یادداشت‌های دریافتی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments written</source>
        <translation>یادداشت‌های نوشته‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expert annotations</source>
        <translation>حاشیه‌نویسی‌های خبره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembered import matches</source>
        <translation>تطبیق‌های به‌یادسپرده برای وارد کردن</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge {source} into {target}? These move to {target}:</source>
        <translation>{source} در {target} ادغام شود؟ این‌ها به {target} منتقل می‌شوند:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Then the profile {source} is removed. This cannot be undone.</source>
        <translation>سپس نمایه {source} حذف می‌شود. این کار برگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no other profile with the role of {name} to merge it into.</source>
        <translation>نمایه دیگری با نقشِ {name} نیست که بتوان آن را در آن ادغام کرد.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merge profiles</source>
        <translation>ادغام نمایه‌ها</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not merged: {reason}</source>
        <translation>ادغام نشد: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source} was merged into {target}.</source>
        <translation>{source} در {target} ادغام شد.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Counting what would move…</source>
        <translation>در حال شمردن آنچه منتقل می‌شود…</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/progress.py" line="+36"/>
        <source>Your progress</source>
        <translation>پیشرفت شما</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chart legend</source>
        <translation>راهنمای نمودار</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scores of your finished attempts</source>
        <translation>امتیازهای تلاش‌های تمام‌شده شما</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back to the &amp;library</source>
        <translation>بازگشت به کتابخانه (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the library</source>
        <translation>بازگشت به کتابخانه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My past a&amp;ttempts and comments…</source>
        <translation>تلاش‌های پیشین و یادداشت‌های من… (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My past attempts and comments</source>
        <translation>تلاش‌های پیشین و یادداشت‌های من</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recorded sessions coded by your supervisor</source>
        <translation>جلسه‌های ضبط‌شده‌ای که ناظرتان کدگذاری کرده است</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No finished attempts yet. Finish a scenario and your scores will appear here.</source>
        <translation>هنوز تلاش تمام‌شده‌ای نیست. یک سناریو را تمام کنید تا امتیازهایتان اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario</source>
        <translation>سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New comments</source>
        <translation>یادداشت‌های تازه</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n new</source>
        <translation>
            <numerusform>%Ln تازه</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Overall score</source>
        <translation>امتیاز کلی</translation>
    </message>
</context>
<context>
    <name>RecordedSessionsView</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/recorded_list.py" line="+46"/>
        <source>Coded by %1</source>
        <translation>کدگذاری‌شده توسط %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last edited %1</source>
        <translation>آخرین ویرایش: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Global ratings</source>
        <translation>نمره‌های کلی</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+74"/>
        <source>Moments</source>
        <translation>لحظه‌ها</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>No recorded session coded yet.</source>
        <translation>هنوز هیچ جلسه ضبط‌شده‌ای کدگذاری نشده است.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+58"/>
        <source>Show as ta&amp;ble</source>
        <translation>نمایش به شکل جدول (&amp;B)</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>The same figures as a table (also read by screen readers)</source>
        <translation>همین ارقام به شکل جدول (صفحه‌خوان‌ها هم آن را می‌خوانند)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Simulator scores and supervisor ratings per competency</source>
        <translation>امتیازهای شبیه‌ساز و نمره‌های ناظر برای هر شایستگی</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulator (mean credit)</source>
        <translation>شبیه‌ساز (میانگین اعتبار)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded sessions (latest rating)</source>
        <translation>جلسه‌های ضبط‌شده (آخرین نمره)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Coded recorded sessions</source>
        <translation>جلسه‌های ضبط‌شده کدگذاری‌شده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit coding…</source>
        <translation>ویرایش کدگذاری… (&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change marks, ratings and notes (its supervisor or an organiser)</source>
        <translation>تغییر علامت‌ها، نمره‌ها و یادداشت‌ها (ناظر همان جلسه یا یک برگزارکننده)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete coding…</source>
        <translation>حذف کدگذاری… (&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this coding for good (asks first; cannot be undone)</source>
        <translation>حذف همیشگی این کدگذاری (نخست می‌پرسد؛ برگشت‌پذیر نیست)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Coded</source>
        <translation>کدگذاری‌شده</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recording</source>
        <translation>ضبط</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervisor</source>
        <translation>ناظر</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Coded session</source>
        <translation>جلسه کدگذاری‌شده</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show as c&amp;hart</source>
        <translation>نمایش به شکل نمودار (&amp;H)</translation>
    </message>
</context>
<context>
    <name>RecordingCoder</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/recording.py" line="+106"/>
        <source>Code a recorded session — %1</source>
        <translation>کدگذاری جلسه ضبط‌شده — %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Open recording…</source>
        <translation>باز کردن ضبط… (&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file stays where it is; only its checksum and duration are kept</source>
        <translation>پرونده همان‌جا که هست می‌ماند؛ فقط چکیده (checksum) و مدت آن نگه داشته می‌شود</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No recording open.</source>
        <translation>هیچ ضبطی باز نیست.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording</source>
        <translation>ضبط</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+280"/>
        <source>Play</source>
        <translation>پخش</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Play or pause (Space)</source>
        <translation>پخش یا مکث (فاصله)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position in the recording</source>
        <translation>جایگاه در ضبط</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Time</source>
        <translation>زمان (&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time in the recording (mm:ss)</source>
        <translation>زمان در ضبط (mm:ss)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a time like 12:34 and press Enter; keys 1–9 and 0 then mark it</source>
        <translation>زمانی مانند ۱۲:۳۴ بنویسید و Enter را بزنید؛ سپس کلیدهای ۱ تا ۹ و ۰ آن را علامت می‌زنند</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;peed</source>
        <translation>سرعت (&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Playback speed</source>
        <translation>سرعت پخش</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Playback is not available here (install the &apos;media&apos; extra, PySide6-Addons). Play the recording elsewhere and type the time: the keys mark that time.</source>
        <translation>پخش در اینجا در دسترس نیست (بسته افزوده &apos;media&apos;، یعنی PySide6-Addons، را نصب کنید). ضبط را جای دیگری پخش کنید و زمان را بنویسید: کلیدها همان زمان را علامت می‌زنند.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mark the current time:</source>
        <translation>علامت‌گذاری زمان کنونی:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Space play/pause · Left/Right seek 5 s · Ctrl+Return keep note · Delete remove · Ctrl+S save</source>
        <translation>فاصله: پخش/مکث · چپ/راست: جابه‌جایی پنج ثانیه · Ctrl+Return: نگه‌داشتن یادداشت · Delete: حذف · Ctrl+S: ذخیره</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coding keys</source>
        <translation>کلیدهای کدگذاری</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Moments</source>
        <translation>لحظه‌ها (&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rating</source>
        <translation>نمره</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marked moments</source>
        <translation>لحظه‌های علامت‌گذاری‌شده</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rating of the selected moment</source>
        <translation>نمره لحظه انتخاب‌شده</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note on the selected moment (Ctrl+Return keeps it)</source>
        <translation>یادداشت لحظه انتخاب‌شده (Ctrl+Return نگهش می‌دارد)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Rating</source>
        <translation>نمره (&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote (Ctrl+Return)</source>
        <translation>یادداشت (Ctrl+Return) (&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Global rating per competency</source>
        <translation>نمره کلی برای هر شایستگی (&amp;G)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Overall &amp;note</source>
        <translation>یادداشت کلی (&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overall note</source>
        <translation>یادداشت کلی</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Save coding</source>
        <translation>ذخیره کدگذاری (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to the trainee&apos;s record (Ctrl+S)</source>
        <translation>ذخیره در پرونده کارآموز (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lose</source>
        <translation>بستن (&amp;L)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Open a recording</source>
        <translation>باز کردن یک ضبط</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recordings (%1);;All files (*)</source>
        <translation>ضبط‌ها (%1);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading %1…</source>
        <translation>در حال خواندن %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not open the recording</source>
        <translation>ضبط باز نشد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not the recording that was coded (its checksum differs).</source>
        <translation>%1 همان ضبطی نیست که کدگذاری شده بود (چکیده (checksum) آن فرق دارد).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Edit the coding — %1</source>
        <translation>ویرایش کدگذاری — %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save changes</source>
        <translation>ذخیره تغییرها (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the same recording to play it (optional)</source>
        <translation>برای پخش، همان ضبط را باز کنید (اختیاری)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Editing the coding by %1: changes replace it. Open the same recording to play it.</source>
        <translation>در حال ویرایش کدگذاریِ %1: تغییرها جای آن را می‌گیرند. برای پخش، همان ضبط را باز کنید.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · %2 · SHA-256 %3…</source>
        <translation>%1 · %2 · SHA-256 %3…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+79"/>
        <source>Open the recording first.</source>
        <translation>نخست ضبط را باز کنید.</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Marked %1 at %2</source>
        <translation>%1 در %2 علامت‌گذاری شد</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Could not save the coding</source>
        <translation>کدگذاری ذخیره نشد</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to %1&apos;s record.</source>
        <translation>در پرونده %1 ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../balint_trainer/reports/data.py" line="+76"/>
        <source>No intervention (time ran out; not in the key)</source>
        <translation>بدون مداخله (زمان تمام شد؛ در کلید نیامده است)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>stored scenario version cannot be read: {error}</source>
        <translation>نسخه ذخیره‌شده سناریو خوانده نمی‌شود: {error}</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/reports/html_report.py" line="+139"/>
        <source>not answered</source>
        <translation>بی‌پاسخ</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>finished {when}, score {score}/100</source>
        <translation>پایان: {when}، امتیاز {score} از ۱۰۰</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not finished</source>
        <translation>ناتمام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started {when}</source>
        <translation>آغاز: {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version {sha}</source>
        <translation>نسخه {sha}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comments on the attempt</source>
        <translation>یادداشت‌ها درباره کل تلاش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision</source>
        <translation>تصمیم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit</source>
        <translation>اعتبار</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../balint_trainer/reports/recorded_report.py" line="+57"/>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Own words</source>
        <translation>به زبان خود</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Options as shown:</source>
        <translation>گزینه‌ها به ترتیب نمایش:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Comments</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choice against the panel</source>
        <translation>انتخاب در برابر هیئت</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{count} ({finished} finished)</source>
        <translation>{count} ({finished} تمام‌شده)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohort</source>
        <translation>دوره</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <source>Attempts</source>
        <translation>تلاش‌ها</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Mean score</source>
        <translation>میانگین امتیاز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report generated</source>
        <translation>تاریخ تهیه گزارش</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Mean credit per competency (0–100)</source>
        <translation>میانگین اعتبار در هر شایستگی (۰ تا ۱۰۰)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mean credit × 100</source>
        <translation>میانگین اعتبار × ۱۰۰</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Score of each finished attempt, oldest first</source>
        <translation>امتیاز هر تلاش تمام‌شده، از قدیمی‌ترین</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>finished attempt</source>
        <translation>تلاش تمام‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>پیشرفت</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Scenario</source>
        <translation>سناریو</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best score</source>
        <translation>بهترین امتیاز</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No finished attempts yet.</source>
        <translation>هنوز تلاش تمام‌شده‌ای نیست.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../balint_trainer/reports/recorded_report.py" line="-12"/>
        <location line="+13"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers</source>
        <translation>پاسخ‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean credit</source>
        <translation>میانگین اعتبار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest attempt</source>
        <translation>آخرین تلاش</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No answers yet.</source>
        <translation>هنوز پاسخی نیست.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Balint Trainer report: {name}</source>
        <translation>گزارش تمرین رهبری گروه بالینت: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best score per scenario</source>
        <translation>بهترین امتیاز در هر سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainee report: practice and exam attempts against the expert panel</source>
        <translation>گزارش کارآموز: تلاش‌های تمرین و آزمون در برابر هیئت خبرگان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competencies</source>
        <translation>شایستگی‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No attempts yet.</source>
        <translation>هنوز تلاشی نیست.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit is the share of the expert panel&apos;s votes for the chosen option relative to the most-voted option (1.00 = the panel&apos;s choice).</source>
        <translation>اعتبار یعنی سهم رأی‌های هیئت خبرگان برای گزینه انتخاب‌شده، نسبت به گزینه‌ای که بیشترین رأی را گرفته است (۱٫۰۰ = انتخاب هیئت).</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/reports/recorded_report.py" line="-41"/>
        <source>Recorded sessions coded by a supervisor</source>
        <translation>جلسه‌های ضبط‌شده‌ای که یک ناظر کدگذاری کرده است</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ratings: 1 not yet seen, 2 emerging, 3 competent, 4 proficient, 5 exemplary. The recordings themselves are not stored; the checksum identifies each file.</source>
        <translation>نمره‌ها: ۱ هنوز دیده نشده، ۲ در حال شکل‌گیری، ۳ توانمند، ۴ ماهر، ۵ نمونه. خود ضبط‌ها نگه داشته نمی‌شوند؛ چکیده (checksum) هر پرونده را مشخص می‌کند.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recorded session {n}: {file} ({length}), coded by {who} on {when}</source>
        <translation>جلسه ضبط‌شده {n}: {file} ({length})، کدگذاری‌شده توسط {who} در {when}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Last edited on {when}.</source>
        <translation>آخرین ویرایش در {when}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Global rating</source>
        <translation>نمره کلی</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rating</source>
        <translation>نمره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../../balint_trainer/gui/report_pdf.py" line="+120"/>
        <source>page {page} of {pages}</source>
        <translation>صفحه {page} از {pages}</translation>
    </message>
</context>
<context>
    <name>RequestAnnotationWindow</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/annotation_exchange.py" line="+23"/>
        <source>Annotation request from %1</source>
        <translation>درخواست حاشیه‌نویسی از %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annotation progress</source>
        <translation>پیشرفت حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expor&amp;t annotations…</source>
        <translation>صدور حاشیه‌نویسی‌ها… (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export your annotations for the organiser</source>
        <translation>صدور حاشیه‌نویسی‌های شما برای برگزارکننده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Earlier answers set aside</source>
        <translation>پاسخ‌های پیشین کنار گذاشته شد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your earlier answers to this request could not be read and were kept aside; you start afresh.

%1</source>
        <translation>پاسخ‌های پیشین شما به این درخواست خوانده نشد و کنار نگه داشته شد؛ از نو آغاز می‌کنید.

%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>For %1 from %2 · %3 of %4 decisions answered · saved on this computer as you go</source>
        <translation>برای %1 از طرف %2 · %3 از %4 تصمیم پاسخ داده شده · هم‌زمان در این رایانه ذخیره می‌شود</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>all done: export your annotations (Ctrl+E) and send the file to %1</source>
        <translation>همه انجام شد: حاشیه‌نویسی‌هایتان را صادر کنید (Ctrl+E) و پرونده را برای %1 بفرستید</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export your annotations</source>
        <translation>صدور حاشیه‌نویسی‌های شما</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annotation files (*.json)</source>
        <translation>پرونده‌های حاشیه‌نویسی (*.json)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2 decisions exported to %3. Send this file to %4.</source>
        <translation>%1 از %2 تصمیم در %3 صادر شد. این پرونده را برای %4 بفرستید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotations exported</source>
        <translation>حاشیه‌نویسی‌ها صادر شد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annotations not exported</source>
        <translation>حاشیه‌نویسی‌ها صادر نشد</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location line="-371"/>
        <source>Export annotation request</source>
        <translation>صدور درخواست حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenarios to annotate</source>
        <translation>سناریوهایی برای حاشیه‌نویسی</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your name</source>
        <translation>نام شما</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Experts, one name per line</source>
        <translation>خبرگان، در هر سطر یک نام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One expert per line; each gets their own request file</source>
        <translation>در هر سطر یک خبره؛ هر کدام پرونده درخواست خود را می‌گیرد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Scenarios (Space ticks):</source>
        <translation>سناریوها (کلید فاصله علامت می‌زند): (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your &amp;name:</source>
        <translation>نام شما: (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xperts:</source>
        <translation>خبرگان: (&amp;X)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each expert gets the case, the transcript, the prompts and the options only: no key, votes, feedback, rationale or consequences.</source>
        <translation>هر خبره فقط مورد، متن گفت‌وگو، پرسش‌ها و گزینه‌ها را می‌گیرد: بدون کلید، رأی‌ها، بازخورد، دلیل یا پیامدها.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Export…</source>
        <translation>صدور… (&amp;E)</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../balint_trainer/gui/backups.py" line="-77"/>
        <source>Restore from backup</source>
        <translation>بازگردانی از نسخه پشتیبان</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Balint Trainer keeps a copy of your local database when it starts and after each finished attempt. Restoring one replaces the database with that copy; the current file is kept beside it (renamed), so nothing is deleted. Answers given after the copy was made are not in it.</source>
        <translation>برنامه هنگام آغاز و پس از هر تلاش تمام‌شده، یک رونوشت از پایگاه داده محلی شما نگه می‌دارد. بازگردانی یک رونوشت، پایگاه داده را با آن جایگزین می‌کند؛ پرونده کنونی (با نام تازه) کنار آن نگه داشته می‌شود، پس چیزی پاک نمی‌شود. پاسخ‌هایی که پس از ساختن رونوشت داده شده‌اند در آن نیستند.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backups, newest first</source>
        <translation>نسخه‌های پشتیبان، از تازه‌ترین</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Backups, newest first:</source>
        <translation>نسخه‌های پشتیبان، از تازه‌ترین: (&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore</source>
        <translation>بازگردانی (&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReviewSessionView</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/review_session.py" line="+56"/>
        <source>Case summary and what was said before</source>
        <translation>خلاصه مورد و آنچه پیش‌تر گفته شد</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How sure are you? (optional)</source>
        <translation>چقدر مطمئنید؟ (اختیاری)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsure (Shift+1)</source>
        <translation>نامطمئن (Shift+1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fairly sure (Shift+2)</source>
        <translation>نسبتاً مطمئن (Shift+2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sure (Shift+3)</source>
        <translation>مطمئن (Shift+3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The panel&apos;s feedback</source>
        <translation>بازخورد هیئت</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Confirm (Enter)</source>
        <translation>تأیید (Enter) (&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next (Enter)</source>
        <translation>بعدی (Enter) (&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the &amp;library</source>
        <translation>بازگشت به کتابخانه (&amp;L)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Review done</source>
        <translation>مرور انجام شد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing more is due today. Well done: come back tomorrow.</source>
        <translation>امروز مرور دیگری نمانده است. آفرین: فردا برگردید.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Review %1 of %2 · %3 · %4</source>
        <translation>مرور %1 از %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Just before the decision</source>
        <translation>درست پیش از تصمیم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leader</source>
        <translation>رهبر</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Review not saved</source>
        <translation>مرور ذخیره نشد</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Credit %1. %2 Next review of this decision: in %n day(s).</source>
        <translation>
            <numerusform>اعتبار %1. %2 مرور بعدی این تصمیم: %Ln روز دیگر.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafeTextBrowser</name>
    <message>
        <location filename="../../balint_trainer/gui/markdown_view.py" line="+23"/>
        <source>Open link?</source>
        <translation>پیوند باز شود؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This link leads outside Balint Trainer:

%1

Open it in your web browser?</source>
        <translation>این پیوند به بیرون از برنامه می‌رود:

%1

در مرورگر وب باز شود؟</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/editor_panels.py" line="+38"/>
        <source>warning: </source>
        <translation>هشدار: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column</source>
        <translation>ستون</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem</source>
        <translation>اشکال</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Line %1</source>
        <translation>سطر %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outline</source>
        <translation>طرح کلی</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title: %1</source>
        <translation>عنوان: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+121"/>
        <source>Case</source>
        <translation>مورد</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+117"/>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/preview.py" line="+39"/>
        <location line="+34"/>
        <source>Leader (you)</source>
        <translation>رهبر (شما)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/editor_panels.py" line="-108"/>
        <location filename="../../balint_trainer/gui/authoring/preview.py" line="-33"/>
        <source>Script</source>
        <translation>روند جلسه</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Phase: %1</source>
        <translation>مرحله: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../balint_trainer/gui/authoring/preview.py" line="+34"/>
        <source>Decision %1</source>
        <translation>تصمیم %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Introductory</source>
        <translation>مقدماتی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate</source>
        <translation>میانه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced</source>
        <translation>پیشرفته</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Presenter</source>
        <translation>ارائه‌دهنده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>عضو گروه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-leader</source>
        <translation>هم‌رهبر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leader</source>
        <translation>رهبر</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nothing to preview yet: the YAML does not parse.</source>
        <translation>هنوز چیزی برای پیش‌نمایش نیست: YAML خوانده نمی‌شود.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preview of an invalid scenario (fix the problems).</source>
        <translation>پیش‌نمایش سناریوی نامعتبر (اشکال‌ها را برطرف کنید).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 min</source>
        <translation>%1 دقیقه</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%n decision(s)</source>
        <translation>%Ln تصمیم</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/editor.py" line="+110"/>
        <source>Scenario YAML</source>
        <translation>YAML سناریو</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scenario outline</source>
        <translation>طرح کلی سناریو</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problems</source>
        <translation>اشکال‌ها</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Validation status</source>
        <translation>وضعیت اعتبارسنجی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Preview</source>
        <translation>پیش‌نمایش (&amp;P)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>&amp;New from Template</source>
        <translation>تازه از الگو (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>باز کردن… (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>ذخیره (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>ذخیره با نام… (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>بستن (&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>واگرد (&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>ازنو (&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Validate Now</source>
        <translation>اعتبارسنجی اکنون (&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Play-test</source>
        <translation>آزمایش اجرا (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Problem</source>
        <translation>اشکال بعدی (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/editor_tools.py" line="+61"/>
        <source>&amp;Find…</source>
        <translation>یافتن… (&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eplace…</source>
        <translation>جایگزین کردن… (&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find &amp;Next</source>
        <translation>یافتن بعدی (&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find Pre&amp;vious</source>
        <translation>یافتن قبلی (&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go to Line…</source>
        <translation>رفتن به سطر… (&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Wrap Long Lines</source>
        <translation>شکستن سطرهای بلند (&amp;W)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit &amp;Decision at Cursor…</source>
        <translation>ویرایش تصمیمِ محل مکان‌نما… (&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Decision</source>
        <translation>تصمیم (&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transcript &amp;Line (say)</source>
        <translation>سطر گفت‌وگو (say) (&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stage Direction (narrate)</source>
        <translation>توضیح صحنه (narrate) (&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next &amp;Phase</source>
        <translation>مرحله بعد (&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New from &amp;Transcript…</source>
        <translation>تازه از متن گفت‌وگو… (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/editor.py" line="+3"/>
        <location filename="../../balint_trainer/gui/authoring/editor_tools.py" line="+9"/>
        <source>&amp;File</source>
        <translation>پرونده (&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../balint_trainer/gui/authoring/editor_tools.py" line="+3"/>
        <source>&amp;Edit</source>
        <translation>ویرایش (&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../balint_trainer/gui/authoring/editor_tools.py" line="+8"/>
        <source>&amp;Scenario</source>
        <translation>سناریو (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/editor_tools.py" line="+4"/>
        <source>&amp;Insert</source>
        <translation>درج (&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P&amp;hase</source>
        <translation>مرحله (&amp;H)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot edit this decision</source>
        <translation>این تصمیم ویرایش‌پذیر نیست</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The form needs YAML that parses: fix the syntax error listed first.</source>
        <translation>فرم به YAML خوانا نیاز دارد: نخست خطای نحوی‌ای را که در صدر فهرست آمده برطرف کنید.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put the cursor in a decision first (Insert → Decision adds one).</source>
        <translation>نخست مکان‌نما را درون یک تصمیم بگذارید (درج ← تصمیم یکی می‌افزاید).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot write this decision</source>
        <translation>این تصمیم نوشته نشد</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot insert here</source>
        <translation>اینجا نمی‌توان درج کرد</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/editor.py" line="-84"/>
        <source>&amp;Branch map</source>
        <translation>نقشه شاخه‌ها (&amp;B)</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Editor</source>
        <translation>ویرایشگر</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>untitled.yaml</source>
        <translation>untitled.yaml</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Opening %1…</source>
        <translation>در حال باز کردن %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening %1 was cancelled.</source>
        <translation>باز کردن %1 لغو شد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot open %1</source>
        <translation>%1 باز نمی‌شود</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (built-in, save as your own copy)</source>
        <translation>%1 (همراه برنامه؛ به صورت نسخه خودتان ذخیره کنید)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1[*] — Scenario editor</source>
        <translation>%1[*] — ویرایشگر سناریو</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Valid scenario, with %n item-writing warning(s).</source>
        <translation>
            <numerusform>سناریوی معتبر، با %Ln هشدار درباره نگارش گویه.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Valid scenario.</source>
        <translation>سناریوی معتبر.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%Ln اشکال</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Open scenario</source>
        <translation>باز کردن سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>سناریوها (*.yaml *.yml);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Looking for your copy…</source>
        <translation>در حال یافتن نسخهٔ شما…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save scenario</source>
        <translation>ذخیره سناریو</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scenarios (*.yaml *.yml)</source>
        <translation>سناریوها (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 تغییرات ذخیره‌نشده دارد. ذخیره شوند؟</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot save</source>
        <translation>ذخیره ممکن نیست</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Built-in scenarios are read-only: save your version in your own scenario folder.</source>
        <translation>سناریوهای همراه برنامه فقط‌خواندنی‌اند: نسخه خود را در پوشه سناریوی خودتان ذخیره کنید.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+16"/>
        <location line="+5"/>
        <source>Cannot save %1</source>
        <translation>%1 ذخیره نمی‌شود</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Built-in scenarios are read-only. Save your version under another folder.</source>
        <translation>سناریوهای همراه برنامه فقط‌خواندنی‌اند. نسخه خود را در پوشه دیگری ذخیره کنید.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saving %1…</source>
        <translation>در حال ذخیرهٔ %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving did not finish. Your text is kept here; save it again, or elsewhere.</source>
        <translation>ذخیره تمام نشد. متن شما همین‌جا نگه داشته شده است؛ دوباره یا در جای دیگری ذخیره کنید.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1.</source>
        <translation>%1 ذخیره شد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The built-in file is unchanged; your copy takes its place in your library.</source>
        <translation>پرونده همراه برنامه تغییری نکرد؛ نسخه شما در کتابخانه شما جای آن را می‌گیرد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scenario still has problems; it will not appear in the library until fixed.</source>
        <translation>سناریو هنوز اشکال دارد؛ تا برطرف نشود در کتابخانه نمایش داده نمی‌شود.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cannot play-test</source>
        <translation>آزمایش اجرا ممکن نیست</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix the problems listed below the editor first.</source>
        <translation>ابتدا اشکال‌های فهرست‌شده زیر ویرایشگر را برطرف کنید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Play-test: %1</source>
        <translation>آزمایش اجرا: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Read-through</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/authoring/find_replace.py" line="+9"/>
        <source>Go to line</source>
        <translation>رفتن به سطر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line (1–%1):</source>
        <translation>سطر (۱ تا %1):</translation>
    </message>
</context>
<context>
    <name>ScenarioPacks</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/packs.py" line="-174"/>
        <source>Import scenario pack</source>
        <translation>وارد کردن بسته سناریو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenario packs (*.zip);;All files (*)</source>
        <translation>بسته‌های سناریو (*.zip);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export scenario pack</source>
        <translation>صدور بسته سناریو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenario packs (*.zip)</source>
        <translation>بسته‌های سناریو (*.zip)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>would replace the built-in scenario “%1” as your own copy (delete your copy to get the built-in back)</source>
        <translation>به صورت نسخه خودتان جای سناریوی همراه برنامه «%1» را می‌گیرد (برای بازگشت به سناریوی همراه برنامه، نسخه خود را حذف کنید)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scenarios already in the library</source>
        <translation>سناریوهایی که از پیش در کتابخانه هستند</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n scenario(s) in this pack already exist with different content.</source>
        <translation>%Ln سناریوی این بسته از پیش با محتوای دیگری در کتابخانه هست.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Replace</source>
        <translation>جایگزین کردن (&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Skip them</source>
        <translation>نادیده گرفتن آن‌ها (&amp;S)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>… and %1 more (see details)</source>
        <translation>… و %1 مورد دیگر (جزئیات را ببینید)</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Writing the pack…</source>
        <translation>در حال نوشتن بسته…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <location line="+8"/>
        <location line="+29"/>
        <source>Pack not exported</source>
        <translation>بسته صادر نشد</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Cancelled: the drive did not answer.</source>
        <translation>لغو شد: دیسک پاسخ نداد.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The file could not be written.</source>
        <translation>پرونده نوشته نشد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pack exported</source>
        <translation>بسته صادر شد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n scenario(s) written to %1.</source>
        <translation>%Ln سناریو در %1 نوشته شد.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading your scenarios…</source>
        <translation>در حال خواندن سناریوهای شما…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Pack not imported</source>
        <translation>بسته وارد نشد</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checking the pack…</source>
        <translation>در حال بررسی بسته…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing was changed.</source>
        <translation>چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Installing the pack…</source>
        <translation>در حال نصب بسته…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelled: the drive did not answer. The pack is installed all or nothing; the library shows which it was once the drive answers.</source>
        <translation>لغو شد: دیسک پاسخ نداد. بسته یا کامل نصب می‌شود یا اصلاً نصب نمی‌شود؛ وقتی دیسک پاسخ دهد، کتابخانه نشان می‌دهد کدام شد.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The scenarios could not be written. Nothing was changed.</source>
        <translation>سناریوها نوشته نشدند. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pack “%1”.</source>
        <translation>بسته «%1».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installed</source>
        <translation>نصب‌شده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replaced</source>
        <translation>جایگزین‌شده</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Installed as your own copy in place of the built-in (delete the copy to get the built-in back)</source>
        <translation>به صورت نسخه خودتان به جای سناریوی همراه برنامه نصب شد (برای بازگشت به سناریوی همراه برنامه، این نسخه را حذف کنید)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skipped</source>
        <translation>نادیده‌گرفته‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already up to date</source>
        <translation>از پیش به‌روز</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder: %1</source>
        <translation>پوشه: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pack imported</source>
        <translation>بسته وارد شد</translation>
    </message>
</context>
<context>
    <name>ServiceError</name>
    <message>
        <location filename="../../balint_trainer/services/error_templates.py" line="+17"/>
        <source>invalid database URL {url}: {reason}</source>
        <translation>نشانی پایگاه داده {url} نامعتبر است: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create the data folder for {url}: {reason}</source>
        <translation>پوشه داده برای {url} ساخته نمی‌شود: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url}: {reason}</source>
        <translation>{url}: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot open the database {url}: {reason}</source>
        <translation>پایگاه داده {url} باز نمی‌شود: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database {url} is closed</source>
        <translation>پایگاه دادهٔ {url} بسته است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url}: the database schema needs an upgrade that this account may not run ({reason}); ask the course administrator to start the app once</source>
        <translation>{url}: ساختار پایگاه داده به ارتقایی نیاز دارد که این حساب اجازه انجامش را ندارد ({reason})؛ از مدیر دوره بخواهید یک بار برنامه را اجرا کند</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the database {url} is damaged ({reason}); nothing was written to it. Restore a backup (File → Restore from backup…, or balint-trainer restore-backup).</source>
        <translation>پایگاه داده {url} آسیب دیده است ({reason})؛ چیزی در آن نوشته نشد. یک نسخه پشتیبان را بازگردانید (پرونده ← بازگردانی از نسخه پشتیبان…، یا balint-trainer restore-backup).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no profile with id {key}</source>
        <translation>نمایه‌ای با شناسه {key} نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{actor} is a supervisor; supervisors may rename only themselves and trainees</source>
        <translation>{actor} ناظر است؛ ناظران فقط نام خود و کارآموزان را می‌توانند تغییر دهند</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the password must have at least {count} characters</source>
        <translation>گذرواژه باید دست‌کم {count} نویسه داشته باشد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown role &apos;{role}&apos; (one of: {roles})</source>
        <translation>نقش ناشناخته «{role}» (یکی از: {roles})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a profile named &apos;{name}&apos; already exists</source>
        <translation>نمایه‌ای به نام «{name}» از پیش وجود دارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{actor} is a supervisor; only organisers change the cohort of a {role}</source>
        <translation>{actor} ناظر است؛ دوره یک {role} را فقط برگزارکنندگان تغییر می‌دهند</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{actor} is a trainee; trainees may rename only their own profile</source>
        <translation>{actor} کارآموز است؛ کارآموزان فقط نام نمایه خود را می‌توانند تغییر دهند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown name or wrong password</source>
        <translation>نام ناشناخته است یا گذرواژه نادرست است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{actor} is a trainee; only supervisors and organisers change cohorts</source>
        <translation>{actor} کارآموز است؛ دوره‌ها را فقط ناظران و برگزارکنندگان تغییر می‌دهند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no profile named &apos;{name}&apos;</source>
        <translation>نمایه‌ای به نام «{name}» نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database login &apos;{login}&apos; for &apos;{name}&apos; belongs to the profile &apos;{owner}&apos; (renamed since); choose another name</source>
        <translation>نام ورود به پایگاه داده «{login}» برای «{name}» از آنِ نمایه «{owner}» است (که از آن پس نامش تغییر کرده)؛ نام دیگری برگزینید</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the note is too long (at most {limit:,} characters)</source>
        <translation>یادداشت بیش از اندازه بلند است (حداکثر {limit:,} نویسه)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no scenario version with id {key}</source>
        <translation>نسخه‌ای از سناریو با شناسه {key} نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{best}&apos; is not an option of &apos;{decision_id}&apos; ({options})</source>
        <translation>«{best}» از گزینه‌های «{decision_id}» نیست ({options})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scenario &apos;{scenario_id}&apos; has no decision &apos;{decision_id}&apos;</source>
        <translation>سناریوی «{scenario_id}» تصمیمی به نام «{decision_id}» ندارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rating for unknown option &apos;{option_id}&apos;</source>
        <translation>نمره برای گزینه ناشناخته «{option_id}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rating of &apos;{option_id}&apos; must be a whole number from 1 to 5</source>
        <translation>نمره «{option_id}» باید عددی درست از ۱ تا ۵ باشد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: profile &apos;{name}&apos; is a {role} here but a {bundle_role} in the bundle; nothing was imported</source>
        <translation>{source}: نمایه «{name}» اینجا {role} است اما در بسته {bundle_role}؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: profile &apos;{name}&apos; (called &apos;{bundle_name}&apos; in the bundle) is a {role} here but a {bundle_role} in the bundle; nothing was imported</source>
        <translation>{source}: نمایه «{name}» (در بسته با نام «{bundle_name}») اینجا {role} است اما در بسته {bundle_role}؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: attempt {uid} is stored here for another profile, scenario version or mode; nothing was imported</source>
        <translation>{source}: تلاش {uid} اینجا برای نمایه، نسخه سناریو یا حالت دیگری ذخیره شده است؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: attempt {uid} is stored here with another option order; nothing was imported</source>
        <translation>{source}: تلاش {uid} اینجا با ترتیب دیگری از گزینه‌ها ذخیره شده است؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: attempt {uid} is finished here but the bundle adds answers to it</source>
        <translation>{source}: تلاش {uid} اینجا پایان یافته است اما بسته به آن پاسخ می‌افزاید</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source}: attempt {uid} decision &apos;{decision_id}&apos; is stored with option &apos;{stored}&apos; but the bundle says &apos;{given}&apos;; nothing was imported</source>
        <translation>{source}: تصمیم «{decision_id}» در تلاش {uid} با گزینه «{stored}» ذخیره شده است اما در بسته «{given}» آمده است؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no attempt with id {key}</source>
        <translation>تلاشی با شناسه {key} نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comments are marked read only by the trainee whose attempt they are on</source>
        <translation>یادداشت‌ها را فقط کارآموزی که یادداشت‌ها روی تلاش اوست می‌تواند خوانده‌شده علامت بزند</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database refused this for the connected account: {reason}</source>
        <translation>پایگاه داده این کار را برای حساب متصل نپذیرفت: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot use the database {url}: {reason}</source>
        <translation>پایگاه داده {url} به کار گرفته نمی‌شود: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database {url} is damaged ({reason}); restore a backup (File → Restore from backup…)</source>
        <translation>پایگاه داده {url} آسیب دیده است ({reason})؛ یک نسخه پشتیبان را بازگردانید (پرونده ← بازگردانی از نسخه پشتیبان…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the database stayed locked: {reason}</source>
        <translation>پایگاه داده قفل ماند: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the stored scenario text does not match its checksum; not used</source>
        <translation>{name}: متن ذخیره‌شده سناریو با چکیده (checksum) آن جور نیست؛ به کار گرفته نمی‌شود</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: cannot write the bundle: {reason}</source>
        <translation>{path}: بسته نوشته نمی‌شود: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: conflicts with stored data ({reason}); nothing was imported</source>
        <translation>{source}: با داده‌های ذخیره‌شده ناسازگار است ({reason})؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the stored version of &apos;{scenario_id}&apos; does not match its checksum (altered in the database); ask the course administrator to remove it</source>
        <translation>نسخه ذخیره‌شده «{scenario_id}» با چکیده (checksum) آن جور نیست (در پایگاه داده دست‌کاری شده)؛ از مدیر دوره بخواهید آن را بردارد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the name must not be empty</source>
        <translation>نام نباید خالی باشد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name is too long (at most 200 characters)</source>
        <translation>نام بیش از اندازه بلند است (حداکثر ۲۰۰ نویسه)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the cohort name is too long (at most 200 characters)</source>
        <translation>نام دوره بیش از اندازه بلند است (حداکثر ۲۰۰ نویسه)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the option-order seed must have 1 to 64 characters</source>
        <translation>بذر ترتیب گزینه‌ها باید ۱ تا ۶۴ نویسه داشته باشد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown mode &apos;{mode}&apos; (one of: {modes})</source>
        <translation>حالت ناشناخته «{mode}» (یکی از: {modes})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid time taken: {value}</source>
        <translation>زمان صرف‌شده نامعتبر است: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid credit: {value}</source>
        <translation>اعتبار نامعتبر است: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid confidence: {value} (1 unsure, 2 fairly sure, 3 sure)</source>
        <translation>میزان اطمینان نامعتبر است: {value} (۱ نامطمئن، ۲ نسبتاً مطمئن، ۳ مطمئن)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the intervention in your own words is too long (at most {limit:,} characters)</source>
        <translation>مداخله به زبان خودتان بیش از اندازه بلند است (حداکثر {limit:,} نویسه)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>attempt {attempt_id} is finished; it takes no more answers</source>
        <translation>تلاش {attempt_id} پایان یافته است؛ پاسخ دیگری نمی‌پذیرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credit {credit:g} for option &apos;{option_id}&apos; of &apos;{decision_id}&apos; does not match the expert key of this scenario version ({expected:g})</source>
        <translation>اعتبار {credit:g} برای گزینه «{option_id}» از «{decision_id}» با کلید خبرگانِ این نسخه سناریو ({expected:g}) جور نیست</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>decision &apos;{decision_id}&apos; is already answered in attempt {attempt_id}</source>
        <translation>به تصمیم «{decision_id}» در تلاش {attempt_id} پیش‌تر پاسخ داده شده است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the order shown for &apos;{decision_id}&apos; ({shown}) is not an order of its options ({options})</source>
        <translation>ترتیب نشان‌داده‌شده برای «{decision_id}» ({shown}) ترتیبی از گزینه‌های آن ({options}) نیست</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: the bundle&apos;s attempts are stored here under more than one profile (attempts per profile: {listed}); nothing was imported</source>
        <translation>{source}: تلاش‌های بسته اینجا زیر بیش از یک نمایه ذخیره شده‌اند (تلاش‌ها برای هر نمایه: {listed})؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: a profile named &apos;{name}&apos; exists here already; match the bundle to it, or rename it first; nothing was imported</source>
        <translation>{source}: نمایه‌ای به نام «{name}» از پیش اینجا هست؛ بسته را به آن نسبت دهید یا نخست نامش را تغییر دهید؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: this trainee&apos;s bundles already go to the profile &apos;{name}&apos; here (matched before); nothing was imported. Merge the profiles instead.</source>
        <translation>{source}: بسته‌های این کارآموز از پیش به نمایه «{name}» در اینجا می‌روند (پیش‌تر نسبت داده شده)؛ چیزی وارد نشد. به جای آن، نمایه‌ها را ادغام کنید.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{source}: the bundle&apos;s attempts are already stored here under &apos;{name}&apos;; nothing was imported</source>
        <translation>{source}: تلاش‌های بسته از پیش اینجا زیر «{name}» ذخیره شده‌اند؛ چیزی وارد نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a profile cannot be merged into itself</source>
        <translation>یک نمایه را نمی‌توان در خودش ادغام کرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{source}&apos; is a {source_role} and &apos;{target}&apos; a {target_role}; only profiles of the same role can be merged</source>
        <translation>«{source}» {source_role} است و «{target}» {target_role}؛ فقط نمایه‌های هم‌نقش را می‌توان ادغام کرد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>both &apos;{source}&apos; and &apos;{target}&apos; annotated the same decisions ({listed}); merging would count one expert twice. Remove one of the two annotations first</source>
        <translation>هم «{source}» و هم «{target}» همان تصمیم‌ها را حاشیه‌نویسی کرده‌اند ({listed})؛ ادغام، یک خبره را دو بار می‌شمارد. نخست یکی از دو حاشیه‌نویسی را بردارید</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the comment is empty</source>
        <translation>یادداشت خالی است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the comment is too long (at most {limit:,} characters)</source>
        <translation>یادداشت بیش از اندازه بلند است (حداکثر {limit:,} نویسه)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{author} is a {role}; only supervisors and organisers comment</source>
        <translation>{author} {role} است؛ فقط ناظران و برگزارکنندگان یادداشت می‌گذارند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: cannot register an invalid scenario: {problem}</source>
        <translation>{file}: سناریوی نامعتبر ثبت نمی‌شود: {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>database role &apos;{role}&apos; is privileged; choose another account name</source>
        <translation>نقش پایگاه داده «{role}» دسترسی ویژه دارد؛ نام حساب دیگری برگزینید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no coded session with id {key}</source>
        <translation>جلسه کدگذاری‌شده‌ای با شناسه {key} نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is not the recording that was coded (its checksum differs)</source>
        <translation>این همان ضبطی نیست که کدگذاری شده بود (چکیده (checksum) آن فرق دارد)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/worker.py" line="+442"/>
        <source>trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>ناظر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organiser</source>
        <translation>برگزارکننده</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../balint_trainer/gui/guidance.py" line="+91"/>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Where</source>
        <translation>کجا</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>کار</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Player</source>
        <translation>پخش جلسه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Begin, next line, continue after feedback</source>
        <translation>آغاز، سطر بعد، ادامه پس از بازخورد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Space or Enter</source>
        <translation>فاصله یا Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose option 1–8 at a decision</source>
        <translation>انتخاب گزینه ۱ تا ۸ در یک تصمیم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm your choice</source>
        <translation>تأیید انتخاب</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter (Ctrl+Enter while typing)</source>
        <translation>Enter (هنگام نوشتن Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the session</source>
        <translation>ترک جلسه</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/summary.py" line="+29"/>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the score means</source>
        <translation>معنای امتیاز</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Competency profile</source>
        <translation>نیمرخ شایستگی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What do the competencies mean?</source>
        <translation>شایستگی‌ها چه معنایی دارند؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How is the score made?</source>
        <translation>امتیاز چگونه ساخته می‌شود؟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explanations in the glossary</source>
        <translation>توضیح‌ها در واژه‌نامه</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your decisions and the panel&apos;s</source>
        <translation>تصمیم‌های شما و هیئت</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Decision details</source>
        <translation>جزئیات تصمیم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the &amp;library</source>
        <translation>بازگشت به کتابخانه (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the library</source>
        <translation>بازگشت به کتابخانه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Practise &amp;again</source>
        <translation>تمرین دوباره (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practise this scenario again</source>
        <translation>این سناریو را دوباره تمرین کنید</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your pro&amp;gress</source>
        <translation>پیشرفت شما (&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show your progress</source>
        <translation>نمایش پیشرفت شما</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary: %1 (%2)</source>
        <translation>خلاصه: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score %1 / 100</source>
        <translation>امتیاز %1 از ۱۰۰</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No decisions answered</source>
        <translation>به هیچ تصمیمی پاسخ داده نشده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The score is your average credit × 100: 100 means every choice matched the expert panel&apos;s most chosen option. Each competency is scored the same way over its decisions.</source>
        <translation>امتیاز، میانگین اعتبار شما × ۱۰۰ است: ۱۰۰ یعنی همه انتخاب‌ها با پرطرفدارترین گزینه هیئت خبرگان یکی بوده است. هر شایستگی نیز به همین شیوه بر پایه تصمیم‌های خودش امتیاز می‌گیرد.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n decision(s) not answered</source>
        <translation>
            <numerusform>%Ln تصمیم بی‌پاسخ</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your credit: %1 of 1</source>
        <translation>اعتبار شما: %1 از ۱</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Decision %1</source>
        <translation>تصمیم %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In your own words: %1</source>
        <translation>به زبان خودتان: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorRecordings</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/integration.py" line="+33"/>
        <source>&amp;Recorded sessions</source>
        <translation>جلسه‌های ضبط‌شده (&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Trainee</source>
        <translation>کارآموز (&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Code a recorded session…</source>
        <translation>کدگذاری یک جلسه ضبط‌شده… (&amp;C)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Could not load recorded sessions</source>
        <translation>جلسه‌های ضبط‌شده بارگذاری نشد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the coding of %1 by %2? This cannot be undone.</source>
        <translation>کدگذاریِ %1 توسط %2 حذف شود؟ این کار برگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete coding</source>
        <translation>حذف کدگذاری</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No supervisor profile</source>
        <translation>نمایه ناظری نیست</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Could not delete the coding</source>
        <translation>کدگذاری حذف نشد</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="-117"/>
        <source>Balint Trainer — Supervisor</source>
        <translation>تمرین رهبری گروه بالینت — ناظر</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Trainees</source>
        <translation>کارآموزان (&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by name or cohort</source>
        <translation>پالایش بر پایه نام یا دوره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter trainees</source>
        <translation>پالایش کارآموزان</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Trainees</source>
        <translation>کارآموزان</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Supervisor views</source>
        <translation>نماهای ناظر</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Attempts</source>
        <translation>تلاش‌ها (&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Progress</source>
        <translation>پیشرفت (&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohort &amp;items</source>
        <translation>گویه‌های دوره (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/attempts_tab.py" line="+143"/>
        <source>Attempts of the selected trainee</source>
        <translation>تلاش‌های کارآموز انتخاب‌شده</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Attempt summary</source>
        <translation>خلاصه تلاش</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decisions of the attempt</source>
        <translation>تصمیم‌های این تلاش</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Decision review</source>
        <translation>مرور تصمیم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New comment (Ctrl+Enter to add)</source>
        <translation>یادداشت تازه (Ctrl+Enter برای افزودن) (&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New comment</source>
        <translation>یادداشت تازه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feedback on this decision for the trainee</source>
        <translation>بازخورد این تصمیم برای کارآموز</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About the &amp;whole attempt</source>
        <translation>درباره کل تلاش (&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment on the whole attempt</source>
        <translation>یادداشت درباره کل تلاش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;comment</source>
        <translation>افزودن یادداشت (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add comment</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment a&amp;s:</source>
        <translation>یادداشت با نام: (&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+291"/>
        <source>Comment as</source>
        <translation>یادداشت با نام</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>Supervisor or organiser profile the comment is signed with</source>
        <translation>نمایه ناظر یا برگزارکننده‌ای که یادداشت با آن امضا می‌شود</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/progress_tab.py" line="+102"/>
        <source>Chart legend</source>
        <translation>راهنمای نمودار</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Competency summary</source>
        <translation>خلاصه شایستگی‌ها</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/items_tab.py" line="+115"/>
        <source>Cohort</source>
        <translation>دوره</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../balint_trainer/gui/supervision/models.py" line="+128"/>
        <location line="+113"/>
        <source>Scenario</source>
        <translation>سناریو</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/report_pdf.py" line="+13"/>
        <source>The PDF could not be written to {path}.</source>
        <translation>پرونده PDF در {path} نوشته نشد.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/models.py" line="-174"/>
        <source>Cohort: {cohort}</source>
        <translation>دوره: {cohort}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Mode</source>
        <translation>حالت</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exam</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Practice</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Started</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished</source>
        <translation>پایان</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>100 × mean credit over the decisions answered</source>
        <translation>۱۰۰ × میانگین اعتبار تصمیم‌های پاسخ‌داده</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+84"/>
        <location line="+116"/>
        <source>Answers</source>
        <translation>پاسخ‌ها</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>tie: {options}</source>
        <translation>رأی برابر: {options}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not answered</source>
        <translation>بی‌پاسخ</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+60"/>
        <source>Decision</source>
        <translation>تصمیم</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+153"/>
        <location line="+22"/>
        <source>Competency</source>
        <translation>شایستگی</translation>
    </message>
    <message>
        <location line="-173"/>
        <source>Chosen</source>
        <translation>انتخاب کارآموز</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trainee&apos;s option; ✓ when it is the panel&apos;s choice</source>
        <translation>گزینه کارآموز؛ ✓ یعنی همان انتخاب هیئت است</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Panel</source>
        <translation>انتخاب هیئت</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The option(s) most experts chose</source>
        <translation>گزینه یا گزینه‌هایی که بیشتر خبرگان برگزیدند</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credit</source>
        <translation>اعتبار</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/decision_html.py" line="+70"/>
        <location filename="../../balint_trainer/gui/supervision/models.py" line="+6"/>
        <source>Comments</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/models.py" line="+41"/>
        <source>Facility</source>
        <translation>سهولت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of answers that earned full credit (chose a panel-modal option)</source>
        <translation>سهم پاسخ‌هایی که اعتبار کامل گرفتند (گزینه‌ای را برگزیدند که بیشتر اعضای هیئت برگزیده بودند)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discrimination</source>
        <translation>ضریب تمیز</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mean credit of the top 27% of attempts (by score) minus that of the bottom 27%; * = fewer than 20 attempts, read with care</source>
        <translation>میانگین اعتبار ۲۷٪ بالای تلاش‌ها (بر پایه امتیاز) منهای میانگین ۲۷٪ پایین؛ * = کمتر از ۲۰ تلاش، با احتیاط بخوانید</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Item–rest r</source>
        <translation>r گویه–باقی</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrected item–total correlation: how well credit on this decision goes with credit on the scenario&apos;s other decisions, over attempts that answered them all. Near 0 or negative: the decision measures something else (or its key is doubtful); * = fewer than 30 complete attempts</source>
        <translation>همبستگی اصلاح‌شده گویه با کل: اعتبار این تصمیم تا چه اندازه با اعتبار دیگر تصمیم‌های سناریو همسو است، در تلاش‌هایی که به همه آن‌ها پاسخ داده‌اند. نزدیک صفر یا منفی: این تصمیم چیز دیگری را می‌سنجد (یا کلیدش جای تردید دارد)؛ * = کمتر از ۳۰ تلاش کامل</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scenario α</source>
        <translation>α سناریو</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cronbach&apos;s alpha of the scenario&apos;s decisions: how consistently they rank trainees (0.7 or more is usual for a test that decides something; a practice scenario of six decisions is often lower); * = fewer than 30 complete attempts</source>
        <translation>آلفای کرونباخ تصمیم‌های سناریو: این تصمیم‌ها کارآموزان را تا چه اندازه هماهنگ رتبه‌بندی می‌کنند (برای آزمونی که درباره چیزی تصمیم می‌گیرد ۰٫۷ یا بیشتر معمول است؛ یک سناریوی تمرینیِ شش‌تصمیمی اغلب کمتر است)؛ * = کمتر از ۳۰ تلاش کامل</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Most-chosen wrong option</source>
        <translation>پرانتخاب‌ترین گزینه نادرست</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The option without full credit that most trainees chose</source>
        <translation>گزینه‌ای بدون اعتبار کامل که بیشترِ کارآموزان برگزیدند</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrong share</source>
        <translation>سهم گزینه نادرست</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of answers that chose the most-chosen wrong option</source>
        <translation>سهم پاسخ‌هایی که پرانتخاب‌ترین گزینه نادرست را برگزیدند</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+57"/>
        <source>Mean credit</source>
        <translation>میانگین اعتبار</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Median time (s)</source>
        <translation>میانه زمان (ثانیه)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Median time to decide, in seconds (real-time or not)</source>
        <translation>میانه زمان تصمیم، به ثانیه (با زمان واقعی یا بدون آن)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time-outs</source>
        <translation>اتمام وقت</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answers recorded as no intervention because real time ran out</source>
        <translation>پاسخ‌هایی که چون زمانِ واقعی تمام شد «بدون مداخله» ثبت شدند</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attempts</source>
        <translation>تلاش‌ها</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Latest attempt</source>
        <translation>آخرین تلاش</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/items_tab.py" line="+1"/>
        <source>C&amp;ohort:</source>
        <translation>دوره: (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scenario:</source>
        <translation>سناریو: (&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include &amp;unfinished attempts</source>
        <translation>شامل تلاش‌های ناتمام (&amp;U)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include unfinished attempts</source>
        <translation>شامل تلاش‌های ناتمام</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unfinished attempts are ranked by the mean credit of the decisions they answered</source>
        <translation>تلاش‌های ناتمام بر پایه میانگین اعتبار تصمیم‌های پاسخ‌داده رتبه‌بندی می‌شوند</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Item analysis per decision</source>
        <translation>تحلیل گویه برای هر تصمیم</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>E&amp;xport CSV…</source>
        <translation>صدور CSV… (&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export item analysis as CSV</source>
        <translation>صدور تحلیل گویه‌ها به صورت CSV</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{decisions}, {answers}. * = fewer than 20 attempts (discrimination) or 30 complete attempts (item–rest r, scenario α).</source>
        <translation>{decisions}، {answers}. * = کمتر از ۲۰ تلاش (ضریب تمیز) یا ۳۰ تلاش کامل (r گویه–باقی، α سناریو).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%n decision(s)</source>
        <translation>%Ln تصمیم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%n answer(s)</source>
        <translation>%Ln پاسخ</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="+23"/>
        <source>&amp;Reports</source>
        <translation>گزارش‌ها (&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainee report as &amp;HTML…</source>
        <translation>گزارش کارآموز به صورت HTML… (&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainee report as &amp;PDF…</source>
        <translation>گزارش کارآموز به صورت PDF… (&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainee&apos;s answers as &amp;CSV…</source>
        <translation>پاسخ‌های کارآموز به صورت CSV… (&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trainee&apos;s answers as &amp;xAPI statements (JSON)…</source>
        <translation>پاسخ‌های کارآموز به صورت گزاره‌های xAPI (JSON)… (&amp;X)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cohort answers as C&amp;SV…</source>
        <translation>پاسخ‌های دوره به صورت CSV… (&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cohort answers as xAPI &amp;JSON…</source>
        <translation>پاسخ‌های دوره به صورت xAPI JSON… (&amp;J)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export &amp;feedback for trainee…</source>
        <translation>صدور بازخورد برای کارآموز… (&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>xAPI c&amp;ourse home page…</source>
        <translation>نشانی وب دوره برای xAPI… (&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lear&amp;ning record store (LRS)…</source>
        <translation>انباره سوابق یادگیری (LRS)… (&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refresh</source>
        <translation>تازه‌سازی (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pro&amp;files</source>
        <translation>نمایه‌ها (&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New profile…</source>
        <translation>نمایه تازه… (&amp;N)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Import trainee attempts…</source>
        <translation>وارد کردن تلاش‌های کارآموز… (&amp;I)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;lose</source>
        <translation>بستن (&amp;L)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Could not load trainees</source>
        <translation>کارآموزان بارگذاری نشدند</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/items_tab.py" line="-59"/>
        <source>All cohorts</source>
        <translation>همه دوره‌ها</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/attempts_tab.py" line="+55"/>
        <source>Could not load attempts</source>
        <translation>تلاش‌ها بارگذاری نشدند</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Could not load the attempt</source>
        <translation>تلاش بارگذاری نشد</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select an attempt to review it.</source>
        <translation>یک تلاش را برای مرور انتخاب کنید.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>score {score}/100</source>
        <translation>امتیاز {score} از ۱۰۰</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../balint_trainer/gui/supervision/models.py" line="-226"/>
        <source>not finished</source>
        <translation>تمام‌نشده</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>time on decisions {time}</source>
        <translation>زمان صرف‌شده برای تصمیم‌ها {time}</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>&amp;New comment on the whole attempt</source>
        <translation>یادداشت تازه درباره کل تلاش (&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New comment on “{decision}”</source>
        <translation>یادداشت تازه درباره «{decision}» (&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New comment</source>
        <translation>یادداشت تازه (&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(Ctrl+Enter to add)</source>
        <translation>(Ctrl+Enter برای افزودن)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Organiser</source>
        <translation>برگزارکننده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor</source>
        <translation>ناظر</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="+114"/>
        <source>Profile {name} created.</source>
        <translation>نمایه {name} ایجاد شد.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/exports.py" line="+259"/>
        <source>xAPI course home page: %1</source>
        <translation>نشانی وب دوره برای xAPI: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>xAPI statements name each trainee as an account of your course, identified by the course&apos;s web address (e.g. https://example.org/balint-course). Use the same address for every export of this course.</source>
        <translation>در گزاره‌های xAPI هر کارآموز به‌عنوان حسابی از دوره شما شناخته می‌شود و نشانی وب دوره آن را مشخص می‌کند (مثلاً https://example.org/balint-course). برای همه خروجی‌های این دوره از همین نشانی استفاده کنید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not accepted: %1</source>
        <translation>پذیرفته نشد: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>xAPI course home page</source>
        <translation>نشانی وب دوره برای xAPI</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="+141"/>
        <source>Unsent comments</source>
        <translation>یادداشت‌های فرستاده‌نشده</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>LRS status</source>
        <translation>وضعیت LRS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>LRS: %1 sent, %2 waiting, %3 failed</source>
        <translation>LRS: %1 ارسال‌شده، %2 در انتظار، %3 ناموفق</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/exports.py" line="-35"/>
        <source>enter a full web address starting with https:// (or http://), without spaces, &apos;?&apos;, &apos;#&apos; or a user name</source>
        <translation>یک نشانی وب کامل بنویسید که با https://‎ (یا http://‎) شروع شود، بدون فاصله، &apos;?&apos;، &apos;#&apos; یا نام کاربری</translation>
    </message>
    <message numerus="yes">
        <location filename="../../balint_trainer/gui/supervision/window.py" line="+25"/>
        <source>%n comment(s) typed but not added yet. Close and discard them?</source>
        <translation>
            <numerusform>%Ln یادداشت نوشته شده ولی هنوز افزوده نشده است. بسته شود و کنار گذاشته شوند؟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/attempts_tab.py" line="+56"/>
        <location line="+37"/>
        <source>The comment was not saved</source>
        <translation>یادداشت ذخیره نشد</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>{answered} of %n decision(s) answered</source>
        <translation>{answered} از %Ln تصمیم پاسخ داده شده</translation>
    </message>
    <message>
        <location line="-117"/>
        <location line="+60"/>
        <location filename="../../balint_trainer/gui/supervision/items_tab.py" line="+15"/>
        <location filename="../../balint_trainer/gui/supervision/progress_tab.py" line="+33"/>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="-380"/>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%n comment(s) on the whole attempt</source>
        <translation>%Ln یادداشت درباره کل تلاش</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/decision_html.py" line="-19"/>
        <source>Chosen: {chosen} · credit {credit} · time taken {time} · answered {when}</source>
        <translation>انتخاب: {chosen} · اعتبار {credit} · زمان صرف‌شده {time} · پاسخ در {when}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not recorded</source>
        <translation>ثبت نشده</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In their own words</source>
        <translation>به زبان خودشان</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing written.</source>
        <translation>چیزی نوشته نشده است.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not answered in this attempt.</source>
        <translation>در این تلاش پاسخ داده نشده است.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No comments yet.</source>
        <translation>هنوز یادداشتی نیست.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the whole attempt</source>
        <translation>درباره کل تلاش</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/bundle_import.py" line="+185"/>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="+263"/>
        <source>Import trainee attempts</source>
        <translation>وارد کردن تلاش‌های کارآموز</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/window.py" line="+2"/>
        <source>Attempt bundles (*.json.gz *.json);;All files (*)</source>
        <translation>بسته‌های تلاش (*.json.gz *.json);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/bundle_import.py" line="-129"/>
        <source>Reading attempt files…</source>
        <translation>در حال خواندن پرونده‌های تلاش…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Skipped; nothing was imported.</source>
        <translation>رد شد؛ چیزی وارد نشد.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing attempts…</source>
        <translation>در حال وارد کردن تلاش‌ها…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: not imported. %2</source>
        <translation>%1: وارد نشد. %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 — %n attempt(s) added, %3 updated, %4 already present.</source>
        <translation>%1: %2 — %Ln تلاش افزوده شد، %3 به‌روز شد، %4 از پیش موجود بود.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A new profile was created.</source>
        <translation>نمایه تازه‌ای ایجاد شد.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later files from this trainee will go to %1 too.</source>
        <translation>پرونده‌های بعدی این کارآموز هم به %1 می‌روند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported into %1, which already holds these attempts (the file calls the trainee %2).</source>
        <translation>به نمایه %1 وارد شد که این تلاش‌ها را از پیش دارد (در پرونده، نام کارآموز %2 است).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The other profile named %1 was left unchanged.</source>
        <translation>نمایه دیگری که %1 نام دارد دست‌نخورده ماند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is not a trainee profile, so it is not in the trainee list.</source>
        <translation>این نمایه کارآموز نیست، پس در فهرست کارآموزان نمی‌آید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported %1 of %Ln file(s).</source>
        <translation>%1 از %Ln پرونده وارد شد.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/attempts_tab.py" line="+209"/>
        <source>Comment saved.</source>
        <translation>یادداشت ذخیره شد.</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/progress_tab.py" line="-10"/>
        <source>Select a trainee to see their progress.</source>
        <translation>یک کارآموز را برای دیدن پیشرفتش انتخاب کنید.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+8"/>
        <source>Could not load progress</source>
        <translation>پیشرفت بارگذاری نشد</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} has no finished attempts yet.</source>
        <translation>{name} هنوز تلاش تمام‌شده‌ای ندارد.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name}: %n finished attempt(s), oldest first; scores 0–100 per competency.</source>
        <translation>{name}: %Ln تلاش تمام‌شده، از قدیمی‌ترین؛ امتیاز ۰ تا ۱۰۰ برای هر شایستگی.</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Scenario score</source>
        <translation>امتیاز سناریو</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/items_tab.py" line="-112"/>
        <location line="+132"/>
        <source>Could not load the cohort&apos;s answers</source>
        <translation>پاسخ‌های دوره بارگذاری نشدند</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Could not compute the scenarios&apos; reliability</source>
        <translation>پایایی سناریوها محاسبه نشد</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>All scenarios</source>
        <translation>همه سناریوها</translation>
    </message>
    <message>
        <location filename="../../balint_trainer/gui/supervision/exports.py" line="-62"/>
        <location line="+17"/>
        <source>Export item analysis</source>
        <translation>صدور تحلیل گویه‌ها</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+46"/>
        <location line="+55"/>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The item analysis was not exported</source>
        <translation>تحلیل گویه‌ها صادر نشد</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>HTML files (*.html)</source>
        <translation>پرونده‌های HTML (*.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>xAPI statements (*.json)</source>
        <translation>گزاره‌های xAPI (*.json)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Export report</source>
        <translation>صدور گزارش</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The report was not exported</source>
        <translation>گزارش صادر نشد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the report…</source>
        <translation>در حال نوشتن گزارش…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+52"/>
        <source>Written to {path}.</source>
        <translation>در {path} نوشته شد.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Export cohort answers</source>
        <translation>صدور پاسخ‌های دوره</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Writing the cohort&apos;s answers…</source>
        <translation>در حال نوشتن پاسخ‌های دوره…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cohort answers were not exported</source>
        <translation>پاسخ‌های دوره صادر نشدند</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%n item(s) written to {path}.</source>
        <translation>%Ln گویه در {path} نوشته شد.</translation>
    </message>
</context>
<context>
    <name>TimeLimitChoice</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/realtime.py" line="-113"/>
        <source>Real-time mode: time to decide</source>
        <translation>حالت زمان واقعی: زمان تصمیم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the scenario says</source>
        <translation>مطابق سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 seconds</source>
        <translation>%1 ثانیه</translation>
    </message>
</context>
<context>
    <name>TranscriptWizard</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/transcript_wizard.py" line="+61"/>
        <source>New scenario from a transcript</source>
        <translation>سناریوی تازه از متن گفت‌وگو</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <location filename="../../balint_trainer/gui/reading.py" line="+132"/>
        <source>&amp;View</source>
        <translation>نما (&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Larger text</source>
        <translation>متن بزرگ‌تر (&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Smaller text</source>
        <translation>متن کوچک‌تر (&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Normal text size</source>
        <translation>اندازه عادی متن (&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Appearance</source>
        <translation>ظاهر (&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;system</source>
        <translation>پیروی از سیستم (&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>روشن (&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>تیره (&amp;D)</translation>
    </message>
</context>
<context>
    <name>WeakSpots</name>
    <message>
        <location filename="../../balint_trainer/gui/practice/weak_spots.py" line="+55"/>
        <source>Review my &amp;weak spots</source>
        <translation>مرور نقطه‌های ضعفم (&amp;W)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ask how &amp;sure I am (practice)</source>
        <translation>پرسیدن میزان اطمینانم (تمرین) (&amp;S)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Could not read your reviews</source>
        <translation>مرورهای شما خوانده نشد</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Re&amp;view %1 due</source>
        <translation>مرور %1 مورد موعددار (&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review my weak spots: %1 decisions due today</source>
        <translation>مرور نقطه‌های ضعفم: %1 تصمیم برای امروز</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decisions you missed come back on a spaced schedule (FSRS, as in Anki): sooner when you miss them again, later as you get them right.</source>
        <translation>تصمیم‌هایی که نادرست پاسخ داده‌اید با برنامه‌ای فاصله‌دار (FSRS، مانند Anki) بازمی‌گردند: اگر باز هم نادرست پاسخ دهید زودتر، و هر چه درست پاسخ دهید دیرتر.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Review</source>
        <translation>مرور</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing is due for review today.</source>
        <translation>امروز چیزی برای مرور نیست.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Could not read your mastery</source>
        <translation>میزان تسلط شما خوانده نشد</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../balint_trainer/gui/worker.py" line="-87"/>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>This did not work:

%1</source>
        <translation>این کار انجام نشد:

%1</translation>
    </message>
</context>
<context>
    <name>_LinesPage</name>
    <message>
        <location filename="../../balint_trainer/gui/authoring/transcript_wizard.py" line="+200"/>
        <source>Phases and decision points</source>
        <translation>مرحله‌ها و نقطه‌های تصمیم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phase split is a proposal: change where a phase starts in the first column. Tick “Decision after” on the lines where the trainee should decide; each gets an empty decision to fill in the editor.</source>
        <translation>تقسیم مرحله‌ها یک پیشنهاد است: جای آغاز هر مرحله را در ستون نخست تغییر دهید. در سطرهایی که کارآموز باید تصمیم بگیرد «تصمیم پس از آن» را علامت بزنید؛ هر کدام یک تصمیم خالی می‌گیرد که در ویرایشگر پر می‌کنید.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transcript lines</source>
        <translation>سطرهای متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase starts</source>
        <translation>آغاز مرحله</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision after</source>
        <translation>تصمیم پس از آن</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Speaker</source>
        <translation>گوینده</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Phase starting at line %1</source>
        <translation>مرحله‌ای که از سطر %1 آغاز می‌شود</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(stage direction)</source>
        <translation>(توضیح صحنه)</translation>
    </message>
</context>
<context>
    <name>_PeoplePage</name>
    <message>
        <location line="-125"/>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename people to protect identities (names are also replaced inside the lines) and say who is who. Exactly one presenter; the leader&apos;s lines become yours.</source>
        <translation>برای حفظ هویت‌ها نام افراد را تغییر دهید (نام‌ها درون سطرها هم جایگزین می‌شوند) و بگویید چه کسی کیست. دقیقاً یک ارائه‌دهنده؛ سطرهای رهبر از آنِ شما می‌شوند.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>People in the transcript</source>
        <translation>افراد در متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the transcript</source>
        <translation>در متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name in the scenario</source>
        <translation>نام در سناریو</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns</source>
        <translation>نوبت‌ها</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Presenter</source>
        <translation>ارائه‌دهنده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>عضو گروه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-leader</source>
        <translation>هم‌رهبر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leader (the trainee)</source>
        <translation>رهبر (کارآموز)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Kind of %1</source>
        <translation>گونه %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose exactly one presenter.</source>
        <translation>دقیقاً یک ارائه‌دهنده برگزینید.</translation>
    </message>
</context>
<context>
    <name>_TextPage</name>
    <message>
        <location line="-167"/>
        <source>Transcript</source>
        <translation>متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the transcript or open a text file. One turn per paragraph as “Name: words”; stage directions on their own line in [brackets] or *asterisks*.</source>
        <translation>متن گفت‌وگو را جای‌گذاری کنید یا یک پرونده متنی باز کنید. هر نوبت در یک بند به شکل «نام: سخن»؛ توضیح‌های صحنه در سطری جداگانه درون [کروشه] یا *ستاره*.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transcript text</source>
        <translation>متن کامل گفت‌وگو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open text file…</source>
        <translation>باز کردن پرونده متنی… (&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scenario id</source>
        <translation>شناسه سناریو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A session from a transcript</source>
        <translation>جلسه‌ای از روی متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario title</source>
        <translation>عنوان سناریو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of the transcript</source>
        <translation>زبان متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scenario &amp;id:</source>
        <translation>شناسه سناریو: (&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>عنوان: (&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language (en, fa, …):</source>
        <translation>زبان (en، fa، …): (&amp;L)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open transcript</source>
        <translation>باز کردن متن گفت‌وگو</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>پرونده‌های متنی (*.txt *.md);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+22"/>
        <source>Reading the transcript…</source>
        <translation>در حال خواندن متن گفت‌وگو…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 خوانده نشد: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read %1.</source>
        <translation>%1 خوانده شد.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No “Name: words” lines found.</source>
        <translation>هیچ سطری به شکل «نام: سخن» یافت نشد.</translation>
    </message>
</context>
</TS>
