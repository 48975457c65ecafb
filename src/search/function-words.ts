/**
 * Function words per language: pronouns, articles, prepositions, auxiliaries, "need",
 * "want", "please", question words. They carry no topic, so they are left out of
 * keyword phrases and of queries (in the language the query is in), and they are good
 * evidence of which language a text is in.
 *
 * Negations are kept apart: they are never ignored, because "I don't want to live" is
 * a danger phrase and "not urgent" is not an emergency.
 *
 * Written raw (with accents, in native script, plus the romanised forms people type for
 * Arabic, Persian, Pashto and Sorani); normalised when the router is built.
 */

export interface FunctionWords {
  readonly stop: string;
  readonly neg: string;
  /** Negations that follow what they negate ("acil değil"): also in `neg`. */
  readonly negAfter?: string;
}

export const FUNCTION_WORDS: Readonly<Record<string, FunctionWords>> = {
  en: {
    stop: `i me my mine we us our you your u ur he him his she her they them their it its a an the to of in on at for from
      with by and or but so is am are was were be been being have has had do does did can could will would shall should
      may might must need needs needed needing want wants wanted wanna gonna please pls plz where how what whats when who
      which why there here this that these those some any get got go going im ive id thats also just very really too
      much many more about as if then than into out up over again still yet know tell find looking look search give
      let like sir madam hey pleas someone somebody something one wheres wher hw`,
    neg: `not non no dont doesnt didnt cant cannot wont never nothing nobody nowhere without isnt arent wasnt havent hasnt t`,
  },
  nl: {
    stop: `ik mij me mijn m'n wij we ons onze jij je jou jouw u uw hij hem zijn zij ze haar hun hen het de een en of maar dat
      die dit deze wat waar hoe wie wanneer waarom welke welk er hier daar in op aan voor van met bij naar uit om over
      te tot door als dan ook nog al wel heel veel is ben bent was waren heb hebt heeft hebben had kan kun kunt kunnen
      moet moeten wil wilt willen zal zou mag mogen nodig graag alsjeblieft alstublieft aub iemand ergens even waarheen
      krijg krijgen vinden zoek zoeken mee s t`,
    neg: `niet geen nooit niks niets nergens zonder`,
  },
  fr: {
    stop: `je j me m moi mon ma mes tu te t toi ton ta tes il elle on nous vous ils elles le la les l un une des du de d a au
      aux en dans pour par sur avec et ou mais que qu qui quoi comment quand est suis es sont etre ai as avons avez ont
      avoir fait faire peux peut pouvoir veux veut voudrais vouloir besoin dois doit ce cet cette ces c y se s sa son
      ses leur leurs ici tres aussi svp stp sil plait vous quel quelle quels ou trouver cherche chercher`,
    neg: `ne n pas jamais rien aucun aucune personne non sans`,
  },
  es: {
    stop: `yo me mi mis tu te ti tus el ella usted ustedes nosotros nos nuestro nuestra ellos ellas les le lo la los las un
      una unos unas de del a al en con por para y o pero que quien donde adonde como cuando cual es soy eres son estoy
      esta estas estan ser estar he ha has han tengo tiene tienes tenemos hay puedo puede podemos quiero quiere
      queremos necesito necesita necesitamos favor porfa pls se su sus muy tambien aqui alli este ese esa algo alguien
      ir voy buscar busco encontrar`,
    neg: `no nunca nada ni sin ningun ninguna nadie`,
  },
  pt: {
    stop: `eu me mim meu minha meus minhas tu te voce vc voces ele ela nos eles elas o a os as um uma uns umas de do da dos
      das em no na nas num numa com por para pra pro e ou mas que quem onde aonde como quando qual sou es sao estou
      esta estao ser estar tenho tem temos ha posso pode podemos quero quer queremos preciso precisa precisamos
      favor se seu sua seus suas muito tambem aqui ali isso este esse essa algo alguem ir vou procurar procuro
      encontrar`,
    neg: `nao nunca nada nem sem ninguem nenhum nenhuma`,
  },
  tr: {
    stop: `ben beni bana benim biz bizi bize bizim sen seni sana senin siz sizi size sizin o onu ona onun onlar bu şu bir ve
      veya ama ile için de da mi mı mu mü ne nerede nereye nasıl neden niye kim hangi var lazım gerek gerekiyor istiyorum
      istiyoruz lütfen çok daha gibi kadar bulmak arıyorum yardımcı olur musunuz misiniz`,
    neg: `değil yok hayır yoktur degil`,
    negAfter: `değil degil yok yoktur`,
  },
  ru: {
    stop: `я меня мне мной мой моя мое моё мои мы нас нам наш наша ты тебя тебе твой вы вас вам ваш он его ему она ее её
      они их им это этот эта эти то и или но а в во на с со к ко у о об от до по за из для при где куда как когда кто
      что какой какая почему есть был была было были быть могу может можно хочу хотим хочет нужно нужен нужна нужны
      надо пожалуйста пж очень тоже здесь там тут уже еще ещё ли бы же мог бы найти ищу`,
    neg: `не нет ни никогда негде некуда нечего без`,
  },
  uk: {
    stop: `я мене мені мною мій моя моє мої ми нас нам наш наша ти тебе твій ви вас вам ваш він його йому вона її вони їх
      їм це цей ця ці те і й та або але а в у на з із зі до від по за для при де куди як коли хто що який яка чому є
      був була було були бути можу може можна хочу хочемо потрібно потрібен потрібна потрібні треба будь ласка дуже
      теж тут там вже ще чи б же знайти шукаю`,
    neg: `не ні немає ніколи ніде нікуди без`,
  },
  ar: {
    stop: `انا أنا نحن احنا إحنا انت إنت انتي انتم هو هي هم في فى من الى إلى على عن مع و او أو ثم لكن بس هذا هذه هاد هادا
      هاي هيك ذلك هنا هناك اين أين وين فين فيين كيف كيفاش ازاي إزاي شو ايش إيش ماذا متى امتى مين لماذا ليش ليه
      هل عندي عندنا عندى اريد أريد بدي بدّي بدنا عايز عايزة عاوز عاوزة ابغى أبغى ابي أبي حاب محتاج محتاجة احتاج أحتاج
      بحاجة ممكن لو سمحت فضلك رجاء يا كان يكون انه أنه ان أن إن قد لقد لي لنا الي اللي الذي التي ده دي دا كمان ايضا
      أيضا جدا اروح أروح روح نروح وش ويش كتير كثير بغيت داير عم رح راح
      kteer ktir ktiir kter bghit bgheet 3am ra7
      ana ane ani enta enti inta inti ahna ehna e7na 7na huwa howa hiya heya hya fi fe min mn men mna ela ila ala 3ala
      3la ma3 w wa aw bas shu shou sho esh eish ayy wein wen wain fen kif kef keef kifash ezay ezzay badi bdi biddi
      bidi bde 3awez 3ayez 3ayz 3awz abgha abi mumkin momken law lw lau ya 3andi 3ndi andi ma3i li lel lil el al il hal
      hada hadi hay da di kaman kman aydan ayadan jiddan`,
    neg: `لا ما مش مو موش ليس مافي مافيش مفيش ماكو ماعندي ماعندیش معنديش لم لن بلا بدون
      la ma mish mesh mush msh mafi mafish mfish mako maku m3andi ma3andi bdon bidoon bidun`,
  },
  fa: {
    stop: `من ما تو شما او اون آن ان آنها انها اونا ایشان این اینجا آنجا اونجا در به از با برای برا تا که و یا اما ولی را رو
      هم هست هستم هستیم است ست بود شد میشه می کجا کجاست چطور چگونه چه چی چرا کی کدام کدوم خواهم میخواهم میخوام
      خواستم دارم داریم بکنم کنم کنید لطفا لطفاً خیلی باید میتوانم میتونم توانم تونم یک یه یکی دیگه دیگر مه ده
      اس استم چطو ضرورت نیاز احتیاج میخواستم بگید بگویید برم بروم
      man ma to shoma oo u in een an dar be az ba baraye bara ke va ya ham hast hastam ast bood kojast koja kuja chetor
      chi chera mikham mikhaham mikhastam mikhastom mekhaym daram darim lotfan lutfan kheili khaili bayad mitoonam
      mitunam mitanam mishe ye yek niaz ehtiaj zarorat zarurat mekhayom mikhaym bebakhshid`,
    neg: `نه نیست ندارم نداریم نمی نمیخوام نمیخواهم نتوانم بدون هیچ
      na nist nadaram nadarim nemikham nemitunam bedoon bedun hich`,
    negAfter: `نیست نه nist na`,
  },
  ps: {
    stop: `زه ما مونږ موږ ته تاسو تاسې هغه دا دغه په د له سره کې څخه او یا خو چې ده دی دي یم یو وو شته لرم لرو کوم غواړم
      غواړو اړتیا اړتیا لرم کولای کولی شم شو څنګه چیرته چېرته چېرې کوم ولې څه څوک لطفا مهرباني مهرباني وکړئ دلته هلته
      za ma mung mong ta taso hagha da pa la sara ke kay aw ya kho che yam yem shta laram kawam ghwaram artia artiya
      tsanga chirta chere tsa tsok lotfan mehrabani dalta halta`,
    neg: `نه نشته نلرم مه بې
      na nashta nalaram ma be`,
  },
  ckb: {
    stop: `من ئێمە تۆ ئێوە ئەو ئەوان ئەم ئەمە ئەوە لە بۆ بە و یان بەڵام کە چۆن کوێ لەکوێ چی بۆچی کێ هەیە پێویستم پێویستە
      دەمەوێت دەوێت دەمانەوێت تکایە تکایه زۆر لێرە لەوێ هەموو دەتوانم دەتوانین یەک
      min eme ewe ew ewan em eme le bo be w yan belam ke chon kwe lekwe chi bochi ke heye pewistm pewiste dememewe
      demawe tkaye tkaya zor lere lewe hemu detwanm yek`,
    negAfter: `نییە نیە`,
    neg: `نا نییە نیە نەخێر نەء مە بێ نیم نیمە
      na niye nie nexer nexeir be nim`,
  },
  ti: {
    stop: `ኣነ ንሕና ንሕና ንስኻ ንስኺ ንስኹም ንሱ ንሳ ንሳቶም እዚ እዚኣ እቲ እታ ኣብ ናብ ካብ ምስ ን ብ ከመይ ኣበይ መዓስ መን እንታይ
      ስለምንታይ እየ ኢየ ኢዩ እዩ ኣሎ ኣሎኒ ኣለኒ ኣለዉ ኣለና ደልየ እደሊ ይደሊ ንደሊ የድልየኒ የድልየና ክኢል ይኽእል ክገብር በጃኹም
      በጃኻ በጃኺ ኩሉ ዝኾነ እሞ ግን ወይ ከም ድማ ውን ኣሎኹ ዘሎ ዘለኹ ክንደይ`,
    neg: `የለን የብለይን የብልናን የብሉን የብላን ኣይኮነን ኣይ ዘይብለይ ዘይብሉ ብዘይ`,
    negAfter: `የለን ኣይኮነን`,
  },
  am: {
    stop: `እኔ እኛ አንተ አንቺ እናንተ እሱ እሷ እነሱ ይህ ያ እዚህ እዚያ ወደ ከ በ ለ የ ላይ ውስጥ ጋር እና ወይም ግን ነው ናቸው ነኝ ነበር
      አለ አለኝ አለብኝ እፈልጋለሁ እፈልጋለው ፈልጌ ያስፈልገኛል ያስፈልገናል እንፈልጋለን እንዴት የት መቼ ማን ምን ለምን እባክህ እባክሽ
      እባካችሁ እባክዎ በጣም ሁሉ ሁሉም እችላለሁ ይቻላል አለሁ ነህ`,
    neg: `የለም የለኝም የለንም አይ አልፈልግም አይደለም ያለ የሌለ`,
    negAfter: `የለም አይደለም`,
  },
  so: {
    stop: `waxaan waxa waan ayaan anigu aniga annaga anaga adiga adigu isaga iyada iyaga waa wuu way mid kan kani tan taas
      kaas in iyo ama laakiin oo ee ka ku u ah ahay ahaa jira jiraa baahanahay baahan baahnahay rabaa rabaa doonayaa
      sidee sideen xaggee halkee halkeen goorma yaa maxaa fadlan aad badan si soo ayuu ayay waxay waxaa meeshee
      ii ila iga igu aad`,
    neg: `maya ma majiro`,
  },
  zh: {
    stop: `我 我们 你 你们 他 她 他们 的 了 是 在 要 需要 想 想要 请 吗 呢 吧 啊 怎么 怎样 怎么办 哪里 哪儿 在哪 在哪里 什么
      谁 为什么 可以 能 会 和 或 但是 这 那 这个 那个 一个 个 去 找 给 对 很 都 也 就 还 有 哪 里`,
    neg: `不 没 没有 别 不要 无`,
  },
};
