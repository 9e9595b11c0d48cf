//! Writes a realistic shishin site of N pages, for benchmarks and load tests.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- 10000 /dev/shm/corpus-10k
//! cargo run --release --example gen-corpus -- 10000 /dev/shm/corpus-10k --hugo /dev/shm/hugo-10k
//! ```
//!
//! The site has the shape of the shipped one, scaled up: national guideline pages defining the
//! canonical obligation sets (`hub`, `active`); for each of the 47 prefectures a section with a plan
//! (obligation lists quoted verbatim, modified, left out or added to, and the scheme facts), a subsidy
//! page (facts of every type) and sub-sections of ordinary pages of typical length (headings, lists,
//! tables, occasional code, `@/` links with anchors, plain links, tags). About half the pages are
//! translated, each translation stamped with the digest of the Japanese body it follows.
//! The output is the same for the same N and seed (`--seed S`, default 1).
//!
//! `--hugo DIR` and `--zola DIR` also convert the generated site to Hugo's and Zola's layouts (see
//! [`to_hugo`], [`to_zola`]), so the tools can be timed on the same pages.
//!
//! The shape: by default the extra pages are spread over all 47 prefectures in sub-sections of at
//! most 51 pages (about a hundred small sections at 5,000 pages). `--few-sections` puts them all in
//! three prefectures, one large sub-section each, the shape of Zola's and Hugo's own test sites.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use shishin::guidance::prefecture::{Prefecture, PREFECTURES};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage =
        "usage: gen-corpus N DIR [--seed S] [--few-sections] [--hugo HUGO_DIR] [--zola ZOLA_DIR]";
    let mut positional = Vec::new();
    let mut seed = 1u64;
    let mut hugo = None;
    let mut zola = None;
    let mut shape = Shape::default();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => seed = it.next().and_then(|s| s.parse().ok()).expect(usage),
            "--hugo" => hugo = Some(PathBuf::from(it.next().expect(usage))),
            "--zola" => zola = Some(PathBuf::from(it.next().expect(usage))),
            "--few-sections" => shape = Shape::few_sections(),
            _ => positional.push(a),
        }
    }
    let [n, dir] = positional.as_slice() else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap_or_else(|_| {
        eprintln!("N must be a number of pages\n{usage}");
        std::process::exit(2);
    });
    let dir = PathBuf::from(dir);
    let stats = generate_shaped(n, &dir, seed, shape).unwrap_or_else(|e| {
        eprintln!("cannot write {}: {e}", dir.display());
        std::process::exit(1);
    });
    println!(
        "{}: {} pages, {} translated",
        dir.display(),
        stats.pages,
        stats.translated
    );
    if let Some(h) = hugo {
        to_hugo(&dir, &h).unwrap_or_else(|e| {
            eprintln!("cannot write {}: {e}", h.display());
            std::process::exit(1);
        });
        println!("{}: the same site in Hugo's layout", h.display());
    }
    if let Some(z) = zola {
        to_zola(&dir, &z).unwrap_or_else(|e| {
            eprintln!("cannot write {}: {e}", z.display());
            std::process::exit(1);
        });
        println!("{}: the same site in Zola's layout", z.display());
    }
}

/// Where the pages beyond the fixed ones go.
#[derive(Clone, Copy)]
pub struct Shape {
    /// How many prefectures (from the first) share them.
    pub prefectures: usize,
    /// Pages per sub-section, its `_index.md` included.
    pub per_section: usize,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            prefectures: PREFECTURES.len(),
            per_section: 51,
        }
    }
}

impl Shape {
    /// A few large sections, as in Zola's and Hugo's own test sites.
    pub fn few_sections() -> Self {
        Shape {
            prefectures: 3,
            per_section: usize::MAX,
        }
    }
}

/// What [`generate`] wrote.
pub struct Stats {
    /// Japanese pages (each is one page of the site).
    pub pages: usize,
    /// Of which have an English translation.
    pub translated: usize,
}

/// Writes a site of (at least) `n` pages into `dir`, replacing its `content/`.
pub fn generate(n: usize, dir: &Path, seed: u64) -> std::io::Result<Stats> {
    generate_shaped(n, dir, seed, Shape::default())
}

/// [`generate`], with the extra pages placed as `shape` says.
pub fn generate_shaped(n: usize, dir: &Path, seed: u64, shape: Shape) -> std::io::Result<Stats> {
    let content = dir.join("content");
    if content.exists() {
        std::fs::remove_dir_all(&content)?;
    }
    std::fs::create_dir_all(&content)?;
    std::fs::write(dir.join("site.yaml"), SITE_YAML)?;
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &dir.join("themes/default"),
    )?;
    let mut g = Gen {
        rng: Rng::new(seed),
        content,
        stats: Stats {
            pages: 0,
            translated: 0,
        },
        per_section: shape.per_section,
    };
    g.fixed_pages()?;
    let fixed = 3 + GUIDELINES.len() + PREFECTURES.len() * 3;
    let rest = n.saturating_sub(fixed);
    let sharing = shape.prefectures.clamp(1, PREFECTURES.len());
    for (i, pref) in PREFECTURES.iter().enumerate() {
        let share = if i < sharing {
            rest / sharing + usize::from(i < rest % sharing)
        } else {
            0
        };
        g.prefecture(pref, share)?;
    }
    Ok(g.stats)
}

const SITE_YAML: &str = r#"# A generated site (examples/gen-corpus.rs) for benchmarks.
title: { ja: 在宅医療連携ガイド（生成）, en: Home Medical Care Coordination Guide (generated) }
description:
  ja: 国の指針と47都道府県の計画・補助制度・調査を並べて読むための生成サイト。
  en: A generated site reading the national guideline beside the plans, subsidies and surveys of 47 prefectures.
base_url: https://www.pref.example.lg.jp/zaitaku/
default_language: ja
languages: [ja, en]
theme: default

obligations:
  match_threshold: 0.6
  sets:
    hub:    { ja: 在宅医療に必要な連携を担う拠点, en: Coordination hubs for home medical care }
    active: { ja: 在宅医療において積極的役割を担う医療機関, en: Core medical institutions for home medical care }

facts:
  base_amount:    { ja: 基準額, en: Base amount, type: yen }
  rate:           { ja: 補助率, en: Subsidy rate, type: rate }
  period:         { ja: 補助期間, en: Period, type: fiscal_years }
  recipients:     { ja: 補助先, en: Recipients, type: text }
  budget:         { ja: 予算額, en: Budget, type: yen }
  caps:           { ja: 上限額, en: Caps, type: list }
  eligible_costs: { ja: 補助対象経費, en: Eligible costs, type: list }
  funding:        { ja: 財源, en: Funding, type: text }
  announced:      { ja: 要綱の施行日, en: In force from, type: date }
  hub_designee:   { ja: 拠点を担う主体, en: Who acts as the hub, type: text }
  hub_area:       { ja: 拠点の区域, en: Area covered by a hub, type: text }
  area:           { ja: 在宅医療の圏域, en: Home medical care area, type: text }
  support:        { ja: 県の支援, en: Support by the prefecture, type: text }

units: { 拠点: hub }

comparisons:
  subsidies:
    ja: 補助制度の比較
    en: Subsidy schemes compared
    kind: subsidy
    facts: [base_amount, rate, period, recipients, budget, caps, eligible_costs, funding, announced]
  schemes:
    ja: 都道府県の拠点体制の比較
    en: Prefectures' hub arrangements compared
    kind: plan
    facts: [hub_designee, hub_area, area, funding, budget, support]
"#;

/// The canonical obligations of the national guideline, Japanese and English.
const HUB: [(&str, &str); 5] = [
    ("地域の医療及び介護、障害福祉の関係者による会議を定期的に開催し、在宅医療における提供状況の把握、災害時対応を含む連携上の課題の抽出及びその対応策の検討等を実施すること", "Hold regular meetings of medical, long-term care and disability welfare stakeholders to grasp the provision of home medical care and to identify and address coordination issues, including disaster response"),
    ("地域包括ケアシステムを踏まえた在宅医療の提供体制を整備する観点から、地域の医療及び介護、障害福祉サービスについて、所在地や機能等を把握し、関係機関との調整を行うこと", "Know the location and functions of local medical, care and disability welfare services and coordinate the institutions concerned"),
    ("質の高い在宅医療をより効率的に提供するため、関係機関の連携による急変時の対応や24時間体制の構築や多職種による情報共有の促進を図ること", "Build round-the-clock arrangements and responses to sudden changes through coordination, and promote information sharing among professions"),
    ("在宅医療に係る医療及び介護、障害福祉関係者に必要な知識・技能に関する研修の実施や情報の共有を行うこと", "Train medical, care and disability welfare staff in the knowledge and skills home medical care needs, and share information"),
    ("在宅医療に関する地域住民への普及啓発を実施すること", "Raise awareness of home medical care among local residents"),
];

const ACTIVE: [(&str, &str); 6] = [
    ("医療計画に位置付けられた在宅医療において必要な連携を担う拠点と連携しながら、在宅で療養する患者に対し、24時間対応可能な体制を確保すること", "Work with the hubs and provide round-the-clock care for patients treated at home"),
    ("他の医療機関の支援を行いながら、急変時の一時受入れや入院の必要な患者の受入れを行うこと", "Support other institutions and admit patients who need a bed when their condition changes"),
    ("地域の医療及び介護関係者への研修や情報提供を実施すること", "Train and inform local medical and care professionals"),
    ("災害時等にも適切な医療の提供を継続するための業務継続計画を策定すること", "Draw up a business continuity plan to keep providing care in disasters"),
    ("地域包括支援センター等と協働しつつ、療養に必要な医療及び介護、障害福祉サービスや家族等の負担軽減につながるサービスを適切に紹介すること", "Introduce patients and families to services that ease their burden, working with community support centres"),
    ("入院機関とも連携し、退院時から看取りまでの切れ目のない在宅医療の提供体制を整備すること", "Work with hospitals to offer seamless care from discharge to the end of life"),
];

/// Additions a prefecture writes itself: far from every canonical text.
const OWN: [(&str, &str); 6] = [
    ("医療的ケア児とその家族への支援について、小児科医療機関と協議する場を設けること", "Set up talks with paediatric institutions on support for children in need of medical care and their families"),
    ("ICTを活用した患者情報共有システムの導入を市町村と共に検討すること", "Study with municipalities an ICT system for sharing patient information"),
    ("人生会議（ACP）の普及のため、住民向け講座を年一回以上開くこと", "Hold at least one public course a year on advance care planning"),
    ("離島・へき地における訪問診療の移動手段を確保すること", "Secure transport for home visits on remote islands and in remote areas"),
    ("薬局と訪問看護ステーションの夜間連絡体制を整えること", "Arrange night-time contact between pharmacies and visiting nurse stations"),
    ("歯科医師会と連携し、口腔ケアの訪問体制を充実すること", "Strengthen home oral care with the dental association"),
];

/// The guideline pages: key, Japanese title, English title.
const GUIDELINES: [(&str, &str, &str); 4] = [
    (
        "guideline/hub.md",
        "在宅医療に必要な連携を担う拠点",
        "Coordination hubs for home medical care",
    ),
    (
        "guideline/active.md",
        "在宅医療において積極的役割を担う医療機関",
        "Core medical institutions for home medical care",
    ),
    (
        "guideline/functions.md",
        "在宅医療の4つの機能",
        "The four functions of home medical care",
    ),
    (
        "guideline/area.md",
        "在宅医療の圏域",
        "Home medical care areas",
    ),
];

/// Anchors every function page defines in both languages.
const FUNCTIONS: [(&str, &str, &str); 4] = [
    ("discharge", "退院支援", "Discharge support"),
    ("daily-care", "日常の療養支援", "Daily care"),
    ("sudden-change", "急変時の対応", "Sudden changes"),
    ("end-of-life", "看取り", "End-of-life care"),
];

const SUBJECTS: [&str; 16] = [
    "在宅医療に必要な連携を担う拠点は",
    "市町村は",
    "郡市医師会は",
    "訪問看護ステーションは",
    "保健所は",
    "地域包括支援センターは",
    "県は",
    "病院の地域連携室は",
    "かかりつけ医は",
    "薬局は",
    "介護支援専門員は",
    "相談支援事業所は",
    "二次医療圏の協議会は",
    "在宅療養支援診療所は",
    "歯科診療所は",
    "消防機関は",
];
const OBJECTS: [&str; 16] = [
    "退院前カンファレンスの開催について",
    "夜間・休日の連絡体制について",
    "多職種による情報共有の方法について",
    "看取りに関する住民の意識について",
    "災害時の安否確認の手順について",
    "医療的ケア児の受入れについて",
    "訪問診療を行う医療機関の把握について",
    "入退院支援ルールの運用について",
    "ICTを活用した連携ツールについて",
    "人材育成のための研修計画について",
    "在宅医療・介護連携推進事業との役割分担について",
    "急変時の一時受入れ病床の確保について",
    "服薬管理と残薬の整理について",
    "口腔ケアと栄養管理の連携について",
    "認知症の人の意思決定支援について",
    "圏域ごとの提供体制の評価指標について",
];
const PREDICATES: [&str; 12] = [
    "関係機関と協議を重ね、令和6年度中に方針をまとめることとしている。",
    "現状を調査し、課題を整理したうえで対応策を検討している。",
    "年2回の会議で進捗を確認し、必要に応じて見直しを行う。",
    "地域の実情に応じた取組を進めるよう努めている。",
    "先行する地域の事例を参考に、手順書を作成した。",
    "住民向けの説明会を開き、意見を募った。",
    "医師会と共同で研修会を実施し、参加者は延べ120人であった。",
    "補助金を活用して連携体制の構築を図っている。",
    "実施状況を毎年度公表することとしている。",
    "関係者へのアンケートの結果を踏まえ、改善策を取りまとめた。",
    "市町村ごとの差が大きく、県による支援が求められている。",
    "計画期間の中間年に評価を行う予定である。",
];
const EN_SENTENCES: [&str; 12] = [
    "The hub and the municipality agreed to settle the approach within fiscal 2024.",
    "The current state was surveyed and the issues were sorted before measures were discussed.",
    "Progress is reviewed at two meetings a year and revised where needed.",
    "Each area works in the way its local circumstances allow.",
    "A procedure manual was written following areas that started earlier.",
    "Briefings for residents were held and their views collected.",
    "Training with the medical association drew 120 participants in total.",
    "The subsidy is used to build the coordination arrangements.",
    "The results are published every fiscal year.",
    "Improvements were compiled from a survey of the people involved.",
    "Municipalities differ widely, and support from the prefecture is asked for.",
    "An evaluation is planned for the middle year of the plan period.",
];
const HEADINGS: [(&str, &str); 10] = [
    ("現状と課題", "Current state and issues"),
    ("取組の内容", "What is done"),
    ("関係機関との連携", "Working with other institutions"),
    ("今後の予定", "Next steps"),
    ("実施体制", "Organisation"),
    ("評価と見直し", "Evaluation and review"),
    ("住民への周知", "Informing residents"),
    ("研修の実施", "Training"),
    ("災害時の対応", "Disaster response"),
    ("参考資料", "References"),
];
const TAGS: [(&str, &str); 24] = [
    ("拠点", "hubs"),
    ("計画", "plans"),
    ("補助金", "subsidies"),
    ("調査", "surveys"),
    ("市町村", "municipalities"),
    ("医師会", "medical associations"),
    ("訪問看護", "visiting nursing"),
    ("看取り", "end-of-life care"),
    ("退院支援", "discharge support"),
    ("急変時", "sudden changes"),
    ("災害", "disasters"),
    ("研修", "training"),
    ("ICT", "ICT"),
    ("医療的ケア児", "children with medical needs"),
    ("認知症", "dementia"),
    ("薬局", "pharmacies"),
    ("歯科", "dental care"),
    ("介護", "long-term care"),
    ("障害福祉", "disability welfare"),
    ("人材育成", "workforce"),
    ("普及啓発", "public awareness"),
    ("圏域", "areas"),
    ("評価指標", "indicators"),
    ("ACP", "ACP"),
];
const MUNICIPALITIES: [&str; 8] = [
    "中央市",
    "北町",
    "南市",
    "東村",
    "西市",
    "港町",
    "山田町",
    "川辺市",
];

/// splitmix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Gen {
    rng: Rng,
    content: PathBuf,
    stats: Stats,
    per_section: usize,
}

/// One page about to be written: front matter lines (without `title`) and bodies.
struct PageText {
    key: String,
    title_ja: String,
    title_en: String,
    front: String,
    ja: String,
    /// The English body and front matter lines, when translated.
    en: Option<(String, String)>,
}

impl Gen {
    fn write_page(&mut self, page: PageText) -> std::io::Result<()> {
        let path = self.content.join(&page.key);
        std::fs::create_dir_all(path.parent().expect("content path"))?;
        let ja = format!(
            "---\ntitle: {}\n{}---\n{}",
            yaml_str(&page.title_ja),
            page.front,
            page.ja
        );
        std::fs::write(&path, ja)?;
        self.stats.pages += 1;
        if let Some((front_en, body_en)) = page.en {
            let digest = shishin::link::translations::digest(&page.ja);
            let en = format!(
                "---\ntitle: {}\n{}translated_from: {digest}\n---\n{}",
                yaml_str(&page.title_en),
                front_en,
                body_en
            );
            let en_key = page.key.replace(".md", ".en.md");
            std::fs::write(self.content.join(en_key), en)?;
            self.stats.translated += 1;
        }
        Ok(())
    }

    fn fixed_pages(&mut self) -> std::io::Result<()> {
        let mut home = String::from("国の指針と、47都道府県の計画・補助制度・調査をまとめたサイトです。\n\n## このサイトについて {#about}\n\n");
        let _ = writeln!(
            home,
            "- [国の指針](@/guideline/_index.md)\n- [都道府県](@/prefectures/_index.md)\n- [拠点の比較表](/compare/hub/)\n"
        );
        let home_en = "The national guideline and the plans of 47 prefectures.\n\n## About this site {#about}\n\n- [Guideline](@/guideline/_index.md)\n- [Prefectures](@/prefectures/_index.md)\n- [Hubs compared](/compare/hub/)\n".to_string();
        self.write_page(PageText {
            key: "_index.md".into(),
            title_ja: "ホーム".into(),
            title_en: "Home".into(),
            front: String::new(),
            ja: home,
            en: Some((String::new(), home_en)),
        })?;
        self.write_page(PageText {
            key: "guideline/_index.md".into(),
            title_ja: "国の指針".into(),
            title_en: "National guideline".into(),
            front: "weight: 10\n".into(),
            ja: "在宅医療の体制構築に係る指針の抜粋です。\n".into(),
            en: Some((
                "weight: 10\n".into(),
                "Excerpts of the national guideline.\n".into(),
            )),
        })?;
        for (i, (key, ja_title, en_title)) in GUIDELINES.iter().enumerate() {
            let (ja, en) = match i {
                0 => canonical_page("hub", &HUB),
                1 => canonical_page("active", &ACTIVE),
                2 => functions_page(),
                _ => (
                    "## 圏域の設定 {#setting}\n\n在宅医療の圏域は、二次医療圏にこだわらず、市町村単位や保健所圏域等の地域の医療及び介護資源等の実情に応じて弾力的に設定する。\n".to_string(),
                    "## Setting the areas {#setting}\n\nAreas are set flexibly to local resources, by municipality or health centre district rather than by secondary medical area.\n".to_string(),
                ),
            };
            let front = format!(
                "kind: guideline\ndate: 2023-03-31\nweight: {}\ntags: [指針]\nsource:\n  title: 在宅医療の体制構築に係る指針\n  issuer: 厚生労働省医政局地域医療計画課長\n  number: 医政地発0331第14号\n  date: 令和5年3月31日\n",
                (i + 1) * 10
            );
            let front_en = front.replace("tags: [指針]", "tags: [guideline]");
            self.write_page(PageText {
                key: key.to_string(),
                title_ja: ja_title.to_string(),
                title_en: en_title.to_string(),
                front,
                ja,
                en: Some((front_en, en)),
            })?;
        }
        self.write_page(PageText {
            key: "prefectures/_index.md".into(),
            title_ja: "都道府県".into(),
            title_en: "Prefectures".into(),
            front: "weight: 20\n".into(),
            ja: "47都道府県の計画と取組です。比較は[拠点](/compare/hub/)と[積極的医療機関](/compare/active/)の表にあります。\n".into(),
            en: Some((
                "weight: 20\n".into(),
                "Plans of the 47 prefectures. See the [hub comparison](/compare/hub/).\n".into(),
            )),
        })
    }

    fn prefecture(&mut self, pref: &'static Prefecture, extra: usize) -> std::io::Result<()> {
        let slug = pref.slug;
        let base = format!("prefectures/{slug}");
        // Sub-sections of at most `per_section` pages, each with its own `_index.md`.
        let per_section = self.per_section;
        let sections = extra.div_ceil(per_section);
        let mut index = format!(
            "{}の計画、補助制度、地域の取組です。\n\n## このセクションのページ {{#pages}}\n\n| ページ | 内容 |\n|---|---|\n| [計画](@/{base}/plan.md) | 拠点に求められる事項 |\n| [補助金](@/{base}/subsidy.md) | 基準額・補助率 |\n",
            pref.ja
        );
        for s in 1..=sections {
            let _ = writeln!(
                index,
                "| [地域の取組 {s}](@/{base}/a{s}/_index.md) | 事例 |"
            );
        }
        let index_en = format!(
            "Plans, subsidies and local work of {}.\n\n## Pages in this section {{#pages}}\n\n- [Plan](@/{base}/plan.md)\n- [Subsidy](@/{base}/subsidy.md)\n",
            pref.en
        );
        self.write_page(PageText {
            key: format!("{base}/_index.md"),
            title_ja: pref.ja.to_string(),
            title_en: pref.en.to_string(),
            front: format!("weight: {}\ntags: [{}]\n", pref.code, pref.ja),
            ja: index,
            en: Some((
                format!("weight: {}\ntags: [{}]\n", pref.code, pref.en),
                index_en,
            )),
        })?;
        self.plan_page(pref)?;
        self.subsidy_page(pref)?;
        let mut left = extra;
        for s in 1..=sections {
            let in_section = left.min(per_section);
            left -= in_section;
            self.area_section(pref, s, in_section)?;
        }
        Ok(())
    }

    fn plan_page(&mut self, pref: &'static Prefecture) -> std::io::Result<()> {
        let r = &mut self.rng;
        let designee = *r.pick(&[
            "市町村",
            "郡市医師会",
            "保健所",
            "訪問看護ステーション",
            "在宅療養支援病院",
        ]);
        let front = format!(
            "kind: plan\nprefecture: {}\ndate: {}\nweight: 10\ntags: [計画, 拠点]\nfacts:\n  hub_designee: {designee}\n  hub_area: {}\n  area: {}\n  funding: 地域医療介護総合確保基金\n  budget: \"{}\"\n  support: 拠点の体制構築に係る経費に対して補助を行う。\nsource:\n  title: {}保健医療計画\n  issuer: {}\n  date: 令和6年3月29日\n",
            // The three ways authors name a prefecture.
            match pref.code % 3 {
                0 => pref.ja.to_string(),
                1 => pref.slug.to_string(),
                _ => pref.code.to_string(),
            },
            if pref.code.is_multiple_of(2) { "令和6年3月29日" } else { "2024-03-29" },
            r.pick(&["各市町村", "二次医療圏", "郡市医師会の区域"]),
            r.pick(&["二次医療圏", "市町村", "保健所圏域"]),
            yen(r.below(200) as u64 * 1000 + 5000),
            pref.ja,
            pref.ja,
        );
        let mut ja = format!(
            "{}は、国の指針が示す[在宅医療に必要な連携を担う拠点](@/guideline/hub.md#requirements)に、**{designee}**を位置付けています。\n\n## 計画の記載 {{#plan-text}}\n\n",
            pref.ja
        );
        let mut en = format!(
            "{} designates the {designee} as the [coordination hubs](@/guideline/hub.md#requirements).\n\n## The plan's wording {{#plan-text}}\n\n",
            pref.en
        );
        paragraphs(r, &mut ja, &mut en, 2);
        let _ = writeln!(
            ja,
            "## 拠点に求められる事項 {{#requirements .obligations set=hub}}\n"
        );
        let _ = writeln!(
            en,
            "## Requirements for hubs {{#requirements .obligations set=hub}}\n"
        );
        obligation_list(r, &HUB, "hub", &mut ja, &mut en);
        if pref.code % 2 == 1 {
            let _ = writeln!(
                ja,
                "## 積極的役割を担う医療機関に求められる事項 {{#active .obligations set=active}}\n"
            );
            let _ = writeln!(
                en,
                "## Requirements for core institutions {{#active .obligations set=active}}\n"
            );
            obligation_list(r, &ACTIVE, "active", &mut ja, &mut en);
        }
        let _ = writeln!(ja, "## 4つの機能との関係 {{#functions}}\n\n[退院支援](@/guideline/functions.md#discharge)から[看取り](@/guideline/functions.md#end-of-life)まで、[指針の1つ目の事項](@ob:hub-1)を踏まえて取り組みます。\n");
        let _ = writeln!(en, "## The four functions {{#functions}}\n\nFrom [discharge](@/guideline/functions.md#discharge) to [end-of-life care](@/guideline/functions.md#end-of-life), following [the first requirement](@ob:hub-1).\n");
        let translated = !pref.code.is_multiple_of(4);
        let front_en = front.replace("tags: [計画, 拠点]", "tags: [plans, hubs]");
        self.write_page(PageText {
            key: format!("prefectures/{}/plan.md", pref.slug),
            title_ja: format!("{}保健医療計画（在宅医療）", pref.ja),
            title_en: format!("{} medical care plan (home care)", pref.en),
            front,
            ja,
            en: translated.then_some((front_en, en)),
        })
    }

    fn subsidy_page(&mut self, pref: &'static Prefecture) -> std::io::Result<()> {
        let r = &mut self.rng;
        let base = r.below(50) as u64 * 100 + 1000;
        // Facts written the many ways the documents write them.
        let base_amount = match r.below(3) {
            0 => format!("\"{}\"", yen(base)),
            1 => format!("\"{}\"", zenkaku(&yen(base))),
            _ => format!("1拠点あたり{}を上限", yen(base)),
        };
        let rate = *r.pick(&[
            "\"10/10\"",
            "3分の2",
            "定額",
            "\"１/２\"",
            "初年度：定額、2年目：3分の2、3年目：2分の1",
        ]);
        let period = *r.pick(&["3年間", "令和6年度〜令和8年度", "R6〜R8", "2024年度"]);
        let announced = *r.pick(&["令和6年4月1日", "2024-04-01", "R6.4.1"]);
        let front = format!(
            "kind: subsidy\nprefecture: {}\nweight: 20\ntags: [補助金, 拠点]\nfacts:\n  base_amount: {base_amount}\n  rate: {rate}\n  period: {period}\n  recipients: 拠点に位置付けられた{}\n  budget: \"{}\"\n  caps: [\"1拠点あたり{}\"]\n  eligible_costs: [報償費, 旅費, 需用費, 役務費, 委託料]\n  funding: 地域医療介護総合確保基金\n  announced: {announced}\nsource:\n  title: {}在宅医療連携拠点支援事業補助金交付要綱\n  issuer: {}\n",
            pref.slug,
            r.pick(&["市町村", "郡市医師会"]),
            yen(base * (r.below(40) as u64 + 5)),
            yen(base),
            pref.ja,
            pref.ja
        );
        let mut ja = format!(
            "{}は、[計画](@/prefectures/{}/plan.md#requirements)で拠点に位置付けた主体の体制構築に係る経費を補助します。\n\n## 事業の目的 {{#purpose}}\n\n",
            pref.ja, pref.slug
        );
        let mut en = format!(
            "{} funds the hubs named in its [plan](@/prefectures/{}/plan.md#requirements).\n\n## Purpose {{#purpose}}\n\n",
            pref.en, pref.slug
        );
        paragraphs(r, &mut ja, &mut en, 2);
        ja.push_str("## 補助対象経費 {#costs}\n\n| 区分 | 内容 |\n|---|---|\n| 報償費 | 講師謝金 |\n| 旅費 | 会議出席 |\n| 委託料 | システム保守 |\n");
        en.push_str("## Eligible costs {#costs}\n\n| Item | What |\n|---|---|\n| Fees | Lecturers |\n| Travel | Meetings |\n| Contracts | System upkeep |\n");
        let front_en = front.replace("tags: [補助金, 拠点]", "tags: [subsidies, hubs]");
        let translated = r.chance(60);
        self.write_page(PageText {
            key: format!("prefectures/{}/subsidy.md", pref.slug),
            title_ja: format!("{}在宅医療連携拠点支援事業補助金", pref.ja),
            title_en: format!("{} subsidy for coordination hubs", pref.en),
            front,
            ja,
            en: translated.then_some((front_en, en)),
        })
    }

    /// A sub-section `a{s}` with `count` pages in all (its `_index.md` included).
    fn area_section(
        &mut self,
        pref: &'static Prefecture,
        s: usize,
        count: usize,
    ) -> std::io::Result<()> {
        if count == 0 {
            return Ok(());
        }
        let dir = format!("prefectures/{}/a{s}", pref.slug);
        let muni = self.rng.pick(&MUNICIPALITIES).to_string();
        self.write_page(PageText {
            key: format!("{dir}/_index.md"),
            title_ja: format!("{}の地域の取組 {s}（{muni}ほか）", pref.ja),
            title_en: format!("Local work in {} ({s})", pref.en),
            front: format!("weight: {}\n", 30 + s),
            ja: format!("{muni}ほかの地域の取組を集めました。[{}の計画](@/prefectures/{}/plan.md)に沿って進められています。\n", pref.ja, pref.slug),
            en: Some((
                format!("weight: {}\n", 30 + s),
                format!("Local work, following the [plan of {}](@/prefectures/{}/plan.md).\n", pref.en, pref.slug),
            )),
        })?;
        for j in 1..count {
            let page = self.ordinary_page(pref, &dir, j);
            self.write_page(page)?;
        }
        Ok(())
    }

    /// An ordinary page of typical length: 2–4 KB of Japanese text.
    fn ordinary_page(&mut self, pref: &'static Prefecture, dir: &str, j: usize) -> PageText {
        let r = &mut self.rng;
        let muni = *r.pick(&MUNICIPALITIES);
        let (topic_ja, topic_en) = *r.pick(&HEADINGS);
        let kind = *r.pick(&["page", "page", "page", "survey", "plan"]);
        let mut front = format!("kind: {kind}\n");
        if kind != "page" {
            let _ = writeln!(front, "prefecture: {}", pref.slug);
        }
        let date = match r.below(3) {
            0 => format!(
                "20{}-{:02}-{:02}",
                18 + r.below(7),
                1 + r.below(12),
                1 + r.below(28)
            ),
            1 => format!(
                "令和{}年{}月{}日",
                2 + r.below(5),
                1 + r.below(12),
                1 + r.below(28)
            ),
            _ => format!(
                "R{}.{}.{}",
                2 + r.below(5),
                1 + r.below(12),
                1 + r.below(28)
            ),
        };
        let _ = writeln!(front, "date: {date}\nweight: {j}");
        let t1 = r.below(TAGS.len());
        let t2 = (t1 + 1 + r.below(TAGS.len() - 1)) % TAGS.len();
        let mut front_en = front.clone();
        let _ = writeln!(front, "tags: [{}, {}]", TAGS[t1].0, TAGS[t2].0);
        let _ = writeln!(front_en, "tags: [{}, {}]", TAGS[t1].1, TAGS[t2].1);
        let description = format!("{muni}における{topic_ja}の取組。");
        let _ = writeln!(front, "description: {description}");
        let _ = writeln!(front_en, "description: Work in {muni} on {topic_en}.");

        let mut ja = format!("{muni}の{topic_ja}についてまとめます。\n\n## 概要 {{#overview}}\n\n");
        let mut en = format!("How {muni} handles {topic_en}.\n\n## Overview {{#overview}}\n\n");
        paragraphs(r, &mut ja, &mut en, 2);
        links(r, pref, dir, j, &mut ja, &mut en);
        let _ = writeln!(ja, "## 詳細 {{#details}}\n");
        let _ = writeln!(en, "## Details {{#details}}\n");
        paragraphs(r, &mut ja, &mut en, 1);
        for _ in 0..2 + r.below(3) {
            let (h_ja, h_en) = *r.pick(&HEADINGS);
            let _ = writeln!(ja, "### {h_ja}\n");
            let _ = writeln!(en, "### {h_en}\n");
            match r.below(4) {
                0 => {
                    for _ in 0..3 + r.below(4) {
                        let i = r.below(SUBJECTS.len());
                        let _ = writeln!(ja, "- {}{}", SUBJECTS[i], r.pick(&PREDICATES));
                        let _ = writeln!(en, "- {}", EN_SENTENCES[i % EN_SENTENCES.len()]);
                        if r.chance(30) {
                            let _ = writeln!(ja, "  - {}", r.pick(&OBJECTS));
                            let _ = writeln!(en, "  - {}", r.pick(&EN_SENTENCES));
                        }
                    }
                    ja.push('\n');
                    en.push('\n');
                }
                1 => {
                    ja.push_str("| 年度 | 会議 | 研修 | 参加者 |\n|---|--:|--:|--:|\n");
                    en.push_str(
                        "| Year | Meetings | Courses | Participants |\n|---|--:|--:|--:|\n",
                    );
                    for y in 0..3 + r.below(4) {
                        let row = format!(
                            "| R{} | {} | {} | {} |\n",
                            2 + y,
                            r.below(10),
                            r.below(8),
                            r.below(300)
                        );
                        ja.push_str(&row);
                        en.push_str(&row);
                    }
                    ja.push('\n');
                    en.push('\n');
                }
                2 if r.chance(40) => {
                    // Each block its own, as on real pages; a translation keeps the code.
                    let code = format!(
                        "```yaml\n# 連絡票の項目（{dir}/p{j}）\n患者ID: 必須\n連絡先: [主治医, {}]\n更新: {}\n件数: {}\n```\n\n",
                        r.pick(&["訪問看護", "薬局", "ケアマネジャー", "病院"]),
                        r.pick(&["毎月", "毎週", "随時"]),
                        r.below(500)
                    );
                    ja.push_str(&code);
                    en.push_str(&code);
                }
                _ => paragraphs(r, &mut ja, &mut en, 2),
            }
        }
        if r.chance(20) {
            ja.push_str("> 在宅医療の提供体制に求められる医療機能を確保するため、関係機関が相互に連携する。\n\n");
            en.push_str("> Institutions work together to secure the functions home medical care requires.\n\n");
        }
        let translated = r.chance(50);
        PageText {
            key: format!("{dir}/p{j}.md"),
            title_ja: format!("{muni}の{topic_ja}（{}）", j),
            title_en: format!("{topic_en} in {muni} ({j})"),
            front,
            ja,
            en: translated.then_some((front_en, en)),
        }
    }
}

/// Paragraphs of 3–6 sentences, in both languages.
fn paragraphs(r: &mut Rng, ja: &mut String, en: &mut String, count: usize) {
    for _ in 0..count {
        for _ in 0..3 + r.below(4) {
            let i = r.below(PREDICATES.len());
            let subject = SUBJECTS[r.below(SUBJECTS.len())];
            ja.push_str(subject);
            let object = OBJECTS[r.below(OBJECTS.len())];
            ja.push_str(object);
            ja.push_str(PREDICATES[i]);
            en.push_str(EN_SENTENCES[i]);
            en.push(' ');
        }
        ja.push_str("\n\n");
        en.push_str("\n\n");
    }
}

/// A paragraph of links: siblings (with anchors), the prefecture's plan, the guideline, a
/// neighbouring prefecture, a canonical obligation, and now and then plain links.
fn links(
    r: &mut Rng,
    pref: &'static Prefecture,
    dir: &str,
    j: usize,
    ja: &mut String,
    en: &mut String,
) {
    let mut targets: Vec<(String, &str, &str)> = Vec::new();
    if j > 1 {
        let sib = 1 + r.below(j - 1);
        let anchor = if r.chance(50) {
            "#details"
        } else {
            "#overview"
        };
        targets.push((
            format!("@/{dir}/p{sib}.md{anchor}"),
            "関連する取組",
            "related work",
        ));
    }
    if j > 2 {
        targets.push((
            format!("@/{dir}/p{}.md", j - 1),
            "前の記事",
            "previous page",
        ));
    }
    if r.chance(30) {
        targets.push((
            format!("@/prefectures/{}/plan.md#requirements", pref.slug),
            "県の計画",
            "the plan",
        ));
    }
    if r.chance(10) {
        let (id, ja_name, en_name) = *r.pick(&FUNCTIONS);
        targets.push((format!("@/guideline/functions.md#{id}"), ja_name, en_name));
    }
    if r.chance(10) {
        let other = r.pick(&PREFECTURES[..]);
        targets.push((
            format!("@/prefectures/{}/_index.md", other.slug),
            other.ja,
            other.en,
        ));
    }
    if r.chance(5) {
        let n = 1 + r.below(HUB.len());
        targets.push((
            format!("@ob:hub-{n}"),
            "指針の事項",
            "the guideline's requirement",
        ));
    }
    if r.chance(5) {
        targets.push(("../".into(), "このセクションの一覧", "this section"));
    }
    if r.chance(3) {
        targets.push(("/compare/hub/".into(), "比較表", "the comparison"));
    }
    if targets.is_empty() {
        return;
    }
    ja.push_str("参照：");
    en.push_str("See: ");
    for (i, (dest, label_ja, label_en)) in targets.iter().enumerate() {
        if i > 0 {
            ja.push('、');
            en.push_str(", ");
        }
        let _ = write!(ja, "[{label_ja}]({dest})");
        let _ = write!(en, "[{label_en}]({dest})");
    }
    ja.push_str("。\n\n");
    en.push_str(".\n\n");
}

/// A prefecture's version of a set: items kept verbatim, modified, left out, marked
/// explicitly with their own wording, and the prefecture's own additions.
fn obligation_list(
    r: &mut Rng,
    set: &[(&str, &str)],
    name: &str,
    ja: &mut String,
    en: &mut String,
) {
    for (i, (text_ja, text_en)) in set.iter().enumerate() {
        match r.below(10) {
            0 => continue, // a gap
            1..=2 => {
                let _ = writeln!(ja, "- {}", modify(text_ja));
            }
            3 => {
                let _ = writeln!(
                    ja,
                    "- 県の定める方針に従い、地域の実情に応じて取り組むこと {{#{name}-{}}}",
                    i + 1
                );
            }
            _ => {
                let _ = writeln!(ja, "- {text_ja}");
            }
        }
        let _ = writeln!(en, "- {text_en}");
        if r.chance(30) {
            let _ = writeln!(ja, "  - 県補助金の対象：{}", r.pick(&OBJECTS));
            let _ = writeln!(en, "  - Funded by the prefecture");
        }
    }
    for _ in 0..r.below(3) {
        let (own_ja, own_en) = *r.pick(&OWN);
        let _ = writeln!(ja, "- {own_ja}");
        let _ = writeln!(en, "- {own_en}");
    }
    ja.push('\n');
    en.push('\n');
}

/// A small change of wording, as prefectures make when they quote the guideline.
fn modify(text: &str) -> String {
    if let Some(t) = text.strip_suffix("すること") {
        format!("{t}するよう努めること")
    } else if let Some(t) = text.strip_suffix("こと") {
        format!("{t}ことを目指すこと")
    } else {
        format!("県と連携して{text}")
    }
}

fn canonical_page(set: &str, items: &[(&str, &str)]) -> (String, String) {
    let mut ja = String::from("## 拠点の位置付け {#designation}\n\n> 地域の実情に応じ、病院、診療所、訪問看護事業所、地域医師会等関係団体、保健所、市町村等の主体のいずれかを医療計画に位置付けること。\n\n");
    let mut en = String::from("## Designation {#designation}\n\n> Designate, according to local circumstances, one of hospitals, clinics, visiting nurse stations, medical associations, health centres or municipalities in the medical care plan.\n\n");
    let _ = writeln!(
        ja,
        "## 求められる事項 {{#requirements .obligations set={set}}}\n"
    );
    let _ = writeln!(
        en,
        "## Requirements {{#requirements .obligations set={set}}}\n"
    );
    for (j, e) in items {
        let _ = writeln!(ja, "- {j}");
        let _ = writeln!(en, "- {e}");
    }
    ja.push_str("\n各項目の番号から、都道府県ごとの記載を一覧できます。\n");
    en.push_str("\nEach number leads to every prefecture's wording.\n");
    (ja, en)
}

fn functions_page() -> (String, String) {
    let mut ja = String::from("在宅医療の体制に求められる4つの機能です。\n\n");
    let mut en = String::from("The four functions home medical care must provide.\n\n");
    for (id, h_ja, h_en) in FUNCTIONS {
        let _ = writeln!(
            ja,
            "## {h_ja} {{#{id}}}\n\n{h_ja}に関する目標と、関係機関に求められる事項を示す。\n"
        );
        let _ = writeln!(
            en,
            "## {h_en} {{#{id}}}\n\nGoals for {h_en} and what is required of institutions.\n"
        );
    }
    (ja, en)
}

/// `12,300千円`.
fn yen(thousands: u64) -> String {
    let s = thousands.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}千円")
}

/// Digits and commas in full width, as some offices type them.
fn zenkaku(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            ',' => '，',
            c => c,
        })
        .collect()
}

fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry.path().strip_prefix(from).expect("below the root");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    Ok(())
}

/// Converts a shishin site to Hugo's layout: the same Markdown files (Hugo reads `a.en.md` as the
/// English translation of `a.md`), front matter Hugo accepts (shishin's own keys under `params`),
/// and a small theme doing comparable work: single pages, section lists, tag pages, both languages,
/// `@/` links resolved by a render hook, a table of contents and syntax highlighting.
pub fn to_hugo(src: &Path, dst: &Path) -> std::io::Result<()> {
    convert(src, dst, &HUGO_FILES, |text, _, fallback| {
        hugo_page(text, fallback)
    })
}

/// Copies a shishin site's `content/` to `dst/content/`, each Markdown file through `page(text,
/// is_section, fallback)`, and writes the tool's own `files`. shishin publishes an untranslated
/// page in English too, with the Japanese text under a notice; the other tools would leave it
/// out, so it gets the same page as a file (`fallback`). Other files are copied as they are.
fn convert(
    src: &Path,
    dst: &Path,
    files: &[(&str, &str)],
    page: impl Fn(&str, bool, bool) -> String,
) -> std::io::Result<()> {
    if dst.exists() {
        std::fs::remove_dir_all(dst)?;
    }
    let content = src.join("content");
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.map_err(std::io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&content).expect("below content");
        let dest = dst.join("content").join(rel);
        std::fs::create_dir_all(dest.parent().expect("a folder"))?;
        let name = rel.to_string_lossy();
        if !name.ends_with(".md") {
            std::fs::copy(entry.path(), &dest)?;
            continue;
        }
        let section = name.ends_with("_index.md") || name.ends_with("_index.en.md");
        let text = std::fs::read_to_string(entry.path())?;
        std::fs::write(&dest, page(&text, section, false))?;
        let en_source = entry.path().with_extension("en.md");
        if !name.ends_with(".en.md") && !en_source.exists() {
            std::fs::write(dest.with_extension("en.md"), page(&text, section, true))?;
        }
    }
    for (path, text) in files {
        let p = dst.join(path);
        std::fs::create_dir_all(p.parent().expect("a folder"))?;
        std::fs::write(p, text)?;
    }
    Ok(())
}

/// Converts a shishin site to Zola's layout: the same Markdown files (Zola, too, reads `a.en.md` as
/// the English translation of `a.md` and resolves `@/` links itself), front matter Zola accepts
/// (shishin's own keys under `extra`, tags as a taxonomy), and templates doing comparable work:
/// the top-level nav, a language switcher, breadcrumbs, a table of contents, section lists, tag
/// pages, feeds, a sitemap and highlighting. `@ob:` links become `@/` links to the guideline page.
/// Zola's default build indexes English for search but not Japanese (that needs its `indexing-ja`
/// feature), so its search index covers English only.
pub fn to_zola(src: &Path, dst: &Path) -> std::io::Result<()> {
    convert(src, dst, &ZOLA_FILES, zola_page)
}

/// Front matter for Zola: `title`, `description`, `weight` kept, `tags` as a taxonomy (pages
/// only: a section has none), everything else under `extra`; `fallback` marks the Japanese text
/// standing in for a missing translation.
fn zola_page(text: &str, section: bool, fallback: bool) -> String {
    let rest = text.strip_prefix("---\n").unwrap_or(text);
    let Some((front, body)) = rest.split_once("\n---\n") else {
        return text.to_string();
    };
    let map: serde_yaml::Mapping = serde_yaml::from_str(front).unwrap_or_default();
    let mut out = serde_yaml::Mapping::new();
    let mut extra = serde_yaml::Mapping::new();
    for (k, v) in map {
        match k.as_str().unwrap_or_default() {
            "title" | "description" | "weight" => {
                out.insert(k, v);
            }
            "tags" if !section => {
                let mut taxonomies = serde_yaml::Mapping::new();
                taxonomies.insert(k, v);
                out.insert("taxonomies".into(), serde_yaml::Value::Mapping(taxonomies));
            }
            _ => {
                extra.insert(k, v);
            }
        }
    }
    out.insert("extra".into(), serde_yaml::Value::Mapping(extra));
    let front = serde_yaml::to_string(&out).unwrap_or_default();
    let notice = if fallback {
        "*This page is not yet translated; the Japanese text follows.*\n\n"
    } else {
        ""
    };
    let body = body.replace("(@ob:hub-", "(@/guideline/hub.md#hub-");
    let body = body.replace("(@ob:active-", "(@/guideline/active.md#active-");
    format!("---\n{front}---\n{notice}{body}")
}

const ZOLA_BASE: &str = r#"<!DOCTYPE html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock title %}</title>
{% block alternates %}{% endblock alternates %}
</head>
<body>
<header><a href="{{ get_url(path="/", lang=lang) }}">{{ config.title }}</a>
{%- set root = get_section(path="_index.md", lang=lang, metadata_only=true) %}
<nav>{% for s in root.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<a href="{{ sub.permalink }}">{{ sub.title }}</a> {% endfor %}</nav>
{% block switcher %}{% endblock switcher %}
</header>
<main>{% block content %}{% endblock content %}</main>
</body></html>
"#;

const ZOLA_FILES: [(&str, &str); 8] = [
    (
        "config.toml",
        r#"base_url = "https://www.pref.example.lg.jp/zaitaku/"
title = "在宅医療連携ガイド（生成）"
default_language = "ja"
compile_sass = false
build_search_index = false
generate_feeds = true
taxonomies = [{ name = "tags" }]

[languages.en]
title = "Home Medical Care Coordination Guide (generated)"
generate_feeds = true
build_search_index = true
taxonomies = [{ name = "tags" }]

[markdown.highlighting]
style = "class"
theme = "github-light"

[slugify]
anchors = "safe"

[link_checker]
internal_level = "warn"
"#,
    ),
    ("templates/base.html", ZOLA_BASE),
    (
        "templates/page.html",
        r#"{% extends "base.html" %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock title %}
{% block alternates %}{% for t in page.translations %}<link rel="alternate" hreflang="{{ t.lang }}" href="{{ t.permalink }}">{% endfor %}{% endblock alternates %}
{% block switcher %}<nav>{% for t in page.translations %}<a href="{{ t.permalink }}" hreflang="{{ t.lang }}">{{ t.lang }}</a> {% endfor %}</nav>
<nav aria-label="breadcrumb">{% for a in page.ancestors %}{% set s = get_section(path=a, metadata_only=true) %}<a href="{{ s.permalink }}">{{ s.title }}</a> › {% endfor %}{{ page.title }}</nav>{% endblock switcher %}
{% block content %}<article><h1>{{ page.title }}</h1>
{% if page.extra.source %}<p class="citation">{{ page.extra.source.title }} {{ page.extra.source.issuer }}</p>{% endif %}
{% if page.extra.facts %}<dl>{% for k, v in page.extra.facts %}<dt>{{ k }}</dt><dd>{{ v }}</dd>{% endfor %}</dl>{% endif %}
<nav class="toc"><ul>{% for h in page.toc %}<li><a href="{{ h.permalink }}">{{ h.title }}</a>{% if h.children %}<ul>{% for c in h.children %}<li><a href="{{ c.permalink }}">{{ c.title }}</a></li>{% endfor %}</ul>{% endif %}</li>{% endfor %}</ul></nav>
{{ page.content | safe }}
{% if page.taxonomies.tags %}<ul class="tags">{% for t in page.taxonomies.tags %}<li><a href="{{ get_taxonomy_url(kind="tags", name=t, lang=lang) }}">{{ t }}</a></li>{% endfor %}</ul>{% endif %}
</article>{% endblock content %}
"#,
    ),
    (
        "templates/section.html",
        r#"{% extends "base.html" %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock title %}
{% block alternates %}{% for t in section.translations %}<link rel="alternate" hreflang="{{ t.lang }}" href="{{ t.permalink }}">{% endfor %}{% endblock alternates %}
{% block switcher %}<nav>{% for t in section.translations %}<a href="{{ t.permalink }}" hreflang="{{ t.lang }}">{{ t.lang }}</a> {% endfor %}</nav>
<nav aria-label="breadcrumb">{% for a in section.ancestors %}{% set s = get_section(path=a, metadata_only=true) %}<a href="{{ s.permalink }}">{{ s.title }}</a> › {% endfor %}{{ section.title }}</nav>{% endblock switcher %}
{% block content %}<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<ul>{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.description | default(value="") }}</li>{% endfor %}</ul>
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}</ul>{% endblock content %}
"#,
    ),
    (
        "templates/index.html",
        r#"{% extends "section.html" %}
"#,
    ),
    (
        "templates/tags/list.html",
        r#"{% extends "base.html" %}
{% block content %}<h1>{{ taxonomy.name }}</h1>
<ul>{% for t in terms %}<li><a href="{{ t.permalink }}">{{ t.name }}</a> ({{ t.pages | length }})</li>{% endfor %}</ul>{% endblock content %}
"#,
    ),
    (
        "templates/tags/single.html",
        r#"{% extends "base.html" %}
{% block content %}<h1>{{ term.name }}</h1>
<ul>{% for p in term.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>{% endblock content %}
"#,
    ),
    ("templates/404.html", "<!DOCTYPE html><title>404</title>\n"),
];

/// Front matter for Hugo: its own keys kept, shishin's moved under `params`; `fallback` marks the
/// Japanese text standing in for a missing translation.
fn hugo_page(text: &str, fallback: bool) -> String {
    let rest = text.strip_prefix("---\n").unwrap_or(text);
    let Some((front, body)) = rest.split_once("\n---\n") else {
        return text.to_string();
    };
    let map: serde_yaml::Mapping = serde_yaml::from_str(front).unwrap_or_default();
    let mut out = serde_yaml::Mapping::new();
    let mut params = serde_yaml::Mapping::new();
    for (k, v) in map {
        match k.as_str().unwrap_or_default() {
            "title" | "description" | "weight" | "tags" => {
                out.insert(k, v);
            }
            _ => {
                params.insert(k, v);
            }
        }
    }
    out.insert("params".into(), serde_yaml::Value::Mapping(params));
    let front = serde_yaml::to_string(&out).unwrap_or_default();
    let notice = if fallback {
        "*This page is not yet translated; the Japanese text follows.*\n\n"
    } else {
        ""
    };
    format!("---\n{front}---\n{notice}{body}")
}

const HUGO_FILES: [(&str, &str); 8] = [
    (
        "hugo.yaml",
        r#"baseURL: https://www.pref.example.lg.jp/zaitaku/
title: 在宅医療連携ガイド（生成）
defaultContentLanguage: ja
defaultContentLanguageInSubdir: false
enableRobotsTXT: true
disableKinds: [RSS]
taxonomies: { tag: tags }
languages:
  ja: { languageName: 日本語, weight: 1, title: 在宅医療連携ガイド（生成） }
  en: { languageName: English, weight: 2, title: Home Medical Care Coordination Guide (generated) }
markup:
  goldmark:
    parser:
      attribute: { block: true, title: true }
  highlight: { noClasses: false }
  tableOfContents: { startLevel: 2, endLevel: 3 }
"#,
    ),
    (
        "layouts/_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav>{{ range site.Home.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<nav aria-label="breadcrumb">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> › {{ end }}{{ .Title }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body></html>
"#,
    ),
    (
        "layouts/_default/single.html",
        r#"{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Params.source }}<p class="citation">{{ .title }} {{ .issuer }}</p>{{ end }}
{{ with .Params.facts }}<dl>{{ range $k, $v := . }}<dt>{{ $k }}</dt><dd>{{ $v }}</dd>{{ end }}</dl>{{ end }}
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ (printf "tags/%s" (urlize .)) | relLangURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
"#,
    ),
    (
        "layouts/_default/list.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
"#,
    ),
    (
        "layouts/_default/terms.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"#,
    ),
    (
        "layouts/_default/_markup/render-link.html",
        r#"{{- $dest := .Destination -}}
{{- if hasPrefix $dest "@ob:" -}}
  {{- $id := strings.TrimPrefix "@ob:" $dest -}}
  {{- $set := index (split $id "-") 0 -}}
  {{- with .Page.GetPage (printf "/guideline/%s.md" $set) }}{{ $dest = printf "%s#%s" .RelPermalink $id }}{{ end -}}
{{- else if hasPrefix $dest "@/" -}}
  {{- $u := urls.Parse (strings.TrimPrefix "@" $dest) -}}
  {{- $path := replaceRE "/_index\\.md$" "" $u.Path -}}{{ if eq $path "" }}{{ $path = "/" }}{{ end -}}
  {{- with .Page.GetPage $path -}}
    {{- $dest = .RelPermalink -}}{{ with $u.Fragment }}{{ $dest = printf "%s#%s" $dest . }}{{ end -}}
  {{- else -}}{{- errorf "broken link %s in %s" $dest $.Page.File.Path -}}{{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}">{{ .Text | safeHTML }}</a>
{{- /* */ -}}
"#,
    ),
    ("layouts/404.html", "<!DOCTYPE html><title>404</title>\n"),
    (
        "layouts/index.html",
        r#"{{ define "main" }}<h1>{{ site.Title }}</h1>{{ .Content }}
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"#,
    ),
];
