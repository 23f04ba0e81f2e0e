"""Arabic word lists used by clitic segmentation (normalized forms: see ``normalize_key``). Data, not logic.

Sources: written for marsad from common news vocabulary; names of states and capitals that begin with a letter
that is also a proclitic (و ف ب ك ل س) or with ال as part of the name. Kept as Python text so that it ships
with the package whatever the package-data settings.

Known problems: the lists are short (a few hundred stems); a word that begins with a proclitic letter as a root
letter and is missing here is split when the rest has >= 3 letters. Callers that know more (the KB) pass
``protect=`` to ``tokenize``.
"""
from __future__ import annotations

# Word beginnings (normalized) where the first letter is NOT a proclitic: "وزير" blocks و + زير, and also its
# inflections (وزيره، وزيران...) because the test is a prefix test on the word starting at that letter.
_NO_SPLIT_STEMS = """
وزير وزار وزراء وفد وفود وقت وضع وكال وكيل ولاي وطن وحد وحيد وجود وجه وثيق وثائق وسط وصل وقف وقع وعد وعود
وافق موافق واجه ورد ولد ولي واشنطن وسائل وسيل وسيط وساط وفق وفاه واقع وقائع وظيف ورق وصف وزن وسع واسع وهم
وراء ورش وارد وضح واضح وفر وفير وقود وكر ولاء وثب وجب واجب ودي ودائع وصي ولايه والد والي وميض ودع وداع
وارسو واغادوغو ويلز ويلينغتون وولونغونغ
فرنس فلسطين فريق فتر فرص فرض فكر فعل فقط فيه فيها فيهم فوز فوق فصل فنزويل فيتنام فنلند فيدرال فرع فشل فتح فاز
فرد فهم فيلق فيروس فلبين فيينا فوج فاتح فارق فرق فراغ فضل فضاء فقر فقير فقه فكره فلاح فندق فني فنون فوضي
فائد فائض فاعل فعال فعلي فيجي فاتيكان فالنسيا فانكوفر فرانكفورت فلوريدا فولغا
بريطان بلد بلاد بين بعد بعض بيان بدء بدا بدي بحث بحر بنك بنوك برلمان برنامج برامج بكين بغداد بيروت باكستان
بولند بلجيك برازيل بلغار بنغلاد بوتين بايدن بلينكن بيت بقي بقاء بناء بني بلغ بحري بري برز بارز باريس برلين
بروكسل بطل بالغ بشر بعيد بدل بديل بيع باع بورص بوابه بلوغ بحرين بيلاروس بورما بوليف بنما بوروندي بنين
بوتان بوتسوان بيرو باراغواي بهام باربادوس بليز برمود بوسن بانكوك بودابست بوخارست براغ برن بغداد بيشاور
بنغازي بورتسودان بصره بابل بعقوب بعلبك بئر بيت بكر بشار بابا باب برج بريد برق برود بطاريه بعثه بعث بلاغ
بلدي بلديه بلوك بنود بند بندقي بيئ بيانات بيض باقي بقيه بدأ بدايه
كبير كبار كان كانت كل كلم كوري كند كوب كيني كولومب كرواتي كازاخ كمبودي كوسوفو كويت كتاب كتب كتيب كثير كشف
كرم كلف كميه كمي كهرب كارث كامل كاس كيان كيف كيلو كلا كنيس كتل كيميائ كورون كونغرس كرملين كوالالمبور كابول
كاراكاس كانبيرا كوبنهاغن كيغالي كينشاسا كراتشي كردستان كرد كركوك كربلاء كسلا كوفه كوت كاتب كادر كافه كامير
كبري كثاف كرسي كعك كفاءه كفيل كلي كليه كنز كوادر كوكب كيس
لبنان ليبي لندن لاتفي ليتوان لوكسمبورغ لاوس ليبيري ليسوتو لجنه لجان لقاء لقي لكن لدي لعب لغه لحظ لحم لجوء
لاجئ لواء لوح ليل ليس لازم لزم لقب لائح لون لقاح لاهاي لشبون ليما لوساكا لومي لواندا ليلونغوي لاغوس لاهور
لوس ليون لوزان لاذقي لحج لوبي لوجست لاعب ليبرال لجوء لهجه لحيه لياقه لوائح
سياس سيار سيطر سياد سيد سين ستار سيول سيؤول سيره سير سيف سيناريو سيبيري سيراليون سنغافور سنغال سويد سويسر
سوري سودان ستوكهولم سيدني ساعه سنه سنوات ساح سلاح سلام سلط سفير سفار سفن سفين سجن سجل سعود سعر سوق سبب سبيل
ستين سماء سمح سياح سيناء سيشل سانتياغو سراييفو سكوبيه سوفي سول سيادي سنوي سنويا سيان سيول
""".split()

#: word beginnings that block a proclitic split when the word (from that letter on) starts with one of them
NO_SPLIT_STEMS: tuple[str, ...] = tuple(sorted(set(_NO_SPLIT_STEMS)))

# Words that begin with ال but where ال is not (only) the article or must stay whole.
ARTICLE_EXCEPTIONS: frozenset[str] = frozenset("""
الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي اللائي الله اللهم الا الي اليه اليها اليهم الان
الف الفا الفان الفين الاف الية اليه اليات الغاء القاء الزام التزام التزامات التزامه الحاق الحاح الهام
البانيا
""".split())

# Words (normalized) whose ending looks like an enclitic pronoun but is part of the stem.
NO_ENCLITIC_ENDINGS: tuple[str, ...] = tuple(sorted(set("""
تفاهم ساهم درهم دراهم مبهم ملهم مراهم كورونا اتجاها وجها شبها مياها فقها تنبيها انتباها مراهن يراهن اثنا
""".split())))
