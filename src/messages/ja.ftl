# shishin が表示することば(日本語)。en.ftl と同じ id、同じ $変数 をすべて持ちます。
# メッセージの足し方は src/messages/mod.rs の冒頭に書いてあります。

## 診断の表示

note-help = ヒント: { $hint }
note-here = 該当箇所: { $excerpt }
## 出力フォルダへの書き込み (write/)

output-is-the-site = 出力フォルダ { $out } はサイトのフォルダそのものです。shishin が作っていないファイルが入っています。
output-holds-the-site = 出力フォルダ { $out } の中にサイトのフォルダ { $root } があります。shishin が作っていないファイルが入っています。
output-inside-sources = 出力フォルダ { $out } がサイトの { $folder }/ フォルダの中にあります。
output-inside-sources-hint = ビルドは出力フォルダの中身をすべて入れ替えるため、サイトの原稿と混ぜることはできません。--out を付けずに public/ に出力するか、content/ の隣のフォルダ(例: --out public)を指定してください。
output-is-a-file = 出力フォルダに指定された { $out } はファイルで、フォルダではありません。
output-is-a-file-hint = --out にはフォルダの名前を指定するか、先にそのファイルを別の場所に移してください。
output-holds-other-files = 出力フォルダ { $out } には、shishin が作っていないファイルがすでに入っています。
output-holds-other-files-hint = ビルドは出力フォルダの中身をすべて入れ替えます。--out に新しいフォルダか空のフォルダを指定するか、先にそのファイルを別の場所に移してください。
output-locked = 別の shishin のビルドが、いま { $out } に書き込んでいます。
output-locked-hint = そのビルドが終わるのを待ってから、もう一度ビルドしてください。
build-interrupted = 中止しました: ビルドが中断されたため、出力フォルダは元のままです。
doing-create = 作成
doing-write = 書き込み
doing-copy-to = コピー
doing-exchange = 入れ替え
doing-move-into-place = 配置
doing-replace = 置き換え
output-io-failed = { $path } の{ $doing }ができませんでした: { $why }
output-io-failed-hint = ディスクの空き容量と、出力フォルダの権限を確かめてください。
output-path-outside = 内部エラー: 出力先 `{ $path }` が出力フォルダの外になってしまいます。
internal-error-hint = 何も書き込んでいません。お手数ですが、この問題が起きるサイトを添えてご報告ください。
output-partly-updated-hint = { $out } は一部だけ更新された状態です。変更された { $total } 個のファイルのうち { $done } 個を、それぞれ丸ごと置き換えたところで止まりました。原因を直してから、もう一度ビルドすると完了します。
## プレビュー (serve/)

serve-no-site-folder = サイトのフォルダ { $path } を開けません: { $why }
serve-no-site-folder-hint = サイトのフォルダを `--root` で指定してください。
serve-not-loopback = 警告: { $bind } で公開しています。このコンピューターに接続できる人は誰でも下書きを読めます。
serve-unspecified-note = 注意: ほかのコンピューターからプレビューを開けるのは、`--allow-host` で許可した名前かアドレス(例: `--allow-host 192.168.1.5`)を使ったときだけです。
serve-first-build = 最初のビルド
serve-cannot-watch = { $path } の変更を見張ることができません: { $why }
serve-cannot-watch-hint = ネットワークドライブや WSL では `shishin serve --poll` をお試しください。
serve-serving = { $path } を { $url } でプレビューしています(下書きも表示します。Ctrl-C で終了します)
serve-also-answering = 次の名前あての要求にも応答します: { $hosts }
serve-no-browser = 警告: ブラウザーを開けませんでした({ $why })。{ $url } をご自分で開いてください。
serve-stopping = 終了しています
serve-stopped = 終了しました
serve-cannot-bind = { $address } でプレビューを始められません: { $why }
serve-port-busy-hint = ほかのプログラム(別の `shishin serve` かもしれません)がポート { $port } を使っています。`shishin serve --port { $free }` をお試しください。
serve-port-busy-no-free-hint = ほかのプログラムがこのポートを使っています。`--port` で別のポートを指定してください。
serve-rebuild-failed = エラーが { $errors } 件あり、作り直せませんでした。最後に正しく作れた版を表示し続けています。
serve-changed-setup = site.yaml またはテーマ
serve-changed-more = { $first } ほか { $more } 件
serve-failed = プレビューのサーバーが止まりました: { $why }
rebuilt-summary = { $pages } ページを作成、{ $changed }、警告 { $warnings } 件、{ $ms } ミリ秒
rebuilt-everything-changed = すべて変更
rebuilt-files-changed = { $files } ファイル変更
## コマンドライン (main.rs): 結果の行

built = { $summary } を { $out } に作成しました
built-file-by-file = { $out } はマウントポイントか、別の場所のフォルダへのリンクなので、一度に入れ替えられませんでした。ファイルを一つずつ、それぞれ丸ごと置き換えました。
checked = 確認しました: { $summary }
failed = 失敗しました: エラー { $errors } 件、警告 { $warnings } 件。何も書き込んでいません。
failed-partly-updated = 失敗しました: { $out } は一部だけ更新された状態です。もう一度ビルドすると完了します。
no-comparison = 比較表 `{ $id }` はありません。
no-comparison-hint = このサイトにある比較表は { $ids } です。
list-separator = 、
i18n-ok = 最新
i18n-missing = 未翻訳
i18n-stale = 要更新
i18n-unstamped = 未記録
i18n-count = { $state } { $count }
i18n-summary = { $pages } ページ: { $states }
i18n-fact-untranslated = 英語のない事実  { $file }  { $fact }
i18n-facts-summary = 英語のないテキストの事実が { $count } 件あります。英語のページには日本語のまま表示されます。`{ $fact }: {"{"} value: 市町村, en: Municipalities {"}"}` のように日本語と英語を並べて書いてください。
i18n-stamped = { $path } に記録しました(translated_from: { $digest })
stamp-not-in-content = { $path } は { $content } の中のファイルではありません。
stamp-not-in-content-hint = 英語訳のファイルのパスを指定してください。例: content/guideline/hub.en.md
stamp-not-a-translation = { $path } は翻訳(`.en.md`)ではありません。
stamp-not-a-translation-hint = 英語のファイルを指定してください。例: `shishin i18n stamp content/a.en.md`
stamp-no-front-matter = { $path } に前付け(先頭の --- で囲んだ部分)がありません。

## コマンドライン: --help

help-about = 計画の指針を、日英二か国語で相互にリンクした静的サイトとして公開します
help-heading-usage = 使い方:
help-heading-commands = コマンド
help-heading-options = オプション
help-heading-arguments = 引数
help-help = ヘルプを表示します
help-version = バージョンを表示します
help-root = サイトのフォルダ(site.yaml と content/ があるところ)
help-messages = メッセージの言語: ja または en(指定がなければ LC_ALL、LC_MESSAGES、LANG の設定に従います)
help-build = サイトを public/ に作成します(すべて成功したときだけ入れ替えます)
help-build-out = 出力フォルダ(指定がなければサイトのフォルダの public/)
help-drafts = `draft: true` のページも含めます
help-build-base-url = site.yaml の base_url とは別のアドレスで公開します
help-build-relative = すべてのリンクを相対パスで書きます。ディスク上で開いたり、ファイル共有や USB メモリにコピーしたりしても使えます(ブラウザーで index.html を開きます)
help-build-clean = 前回のビルドで残したものを使わずに、すべてのページを作り直します(残したものも作り直します)
help-strict = 警告もエラーとして扱います
help-serve = サイトをプレビューします: 下書きも含めてメモリ上に作成し、編集のたびに作り直します
help-serve-port = 使うポート番号
help-serve-bind = 待ち受けるアドレス。ループバック以外にすると、ほかの人も下書きを読めます
help-serve-open = ブラウザーでサイトを開きます
help-serve-poll = 定期的に確かめて変更を見つけます(変更の通知がないファイルシステム、WSL2 やネットワークドライブ向け)
help-serve-allow-host = この名前あての要求にも応答します(繰り返し指定できます)。ほかのウェブページから下書きを読まれないよう、通常は localhost、127.0.0.1、[::1] と --bind のアドレスにだけ応答します
help-check = 何も書き込まずに、`build` のすべての確認を行います
help-compare = 比較表を一つ出力します: 求められる事項のセット(`hub`)または数値の比較(`subsidies`)
help-compare-id = セットまたは比較表の id
help-format = 出力の形式
help-lang = 表の言語
help-diff = 二つの Markdown ファイルの新旧対照表(新 | 旧 | 備考)を出力します。サイトの外のファイルにも使えます
help-diff-old = 古い版
help-diff-new = 新しい版
help-i18n = 各ページの翻訳の状態を表示し、記録します
help-i18n-status = 各ページの翻訳の状態を一覧にします: 最新、未翻訳、要更新、未記録
help-i18n-stamp = これらの翻訳が、いまの日本語の本文に合わせてあることを記録します
help-i18n-stamp-paths = 記録する英語のファイル(.en.md)
## プレビューのエラー表示 (serve/overlay.rs)

overlay-title = エラーがあります
overlay-kept = 最後に正しく作れた版を表示しています。ファイルを直して保存すると、この表示は消えます。
overlay-close = 閉じる
overlay-line = { $n } 行目
overlay-hint-label = ヒント
## 名前と、公開できない文字列 (text/)

name-is-empty = 空です
name-is-only-spaces = 空白だけです
name-is-a-dot-name = 「.」か「..」です。これはパスの中で「このフォルダ」「一つ上のフォルダ」を意味します
name-holds-a-slash = `/` か `\` を含んでいます。フォルダの区切りになってしまいます
name-holds-a-control-character = 目に見えない制御文字(タブ、改行など)を含んでいます
name-is-too-long = ファイル名として長すぎます(上限は 255 バイト、日本語でおよそ 85 文字です)
windows-device-name = Windows では装置の名前(`{ $stem }`)です
windows-forbidden-character = Windows のファイル名に使えない `{ $char }` を含んでいます
windows-dot-or-space-at-end = 最後が点か空白です。Windows ではこれが消えてしまいます
url-runs-a-script = `{ $scheme }:` の URL です。読む人のブラウザーでスクリプトが動いてしまいます
url-svg-data = `data:` の URL で書かれた SVG です。スクリプトを含むことができます
url-other-data = 画像ではないものの `data:` の URL です。スクリプトを含むページを運べてしまいます
url-runs-a-script-hint = 公開するページではスクリプトを動かせません。ウェブのアドレス(https://…)か、サイトのページ(@/path/page.md)にリンクしてください。
url-svg-data-hint = SVG をページの隣にファイルとして保存し、その名前で書いてください。例: ![説明](map.svg)
url-other-data-hint = 内容をページの隣にファイルとして保存し、その名前にリンクしてください。`data:` の URL で書けるのは PNG、JPEG、GIF、WebP、AVIF、BMP の画像だけです。
html-doctype = ページの中に HTML の `<!DOCTYPE>` は書けません。
html-doctype-hint = 削除してください。ページの外枠はテーマが書きます。
html-element = ページの中に HTML の `<{ $element }>` は書けません。
html-element-with-url = ページの中に HTML の `<{ $element }>` は書けません({ $url })。
html-element-url = その `{ $attribute }` は{ $problem }
html-attribute-hint = `{ $attribute }=…` を削除してください。HTML に付けられる属性は { $allowed } だけです。
html-attribute-script = `<{ $element }>` の属性 `{ $attribute }` はスクリプトを動かします。公開するページではできません。
html-attribute-style = `<{ $element }>` の属性 `style` は使えません(ページの見た目はテーマのスタイルシートが決めます。スタイルの指定には `class` を使います)。
html-attribute = `<{ $element }>` の属性 `{ $attribute }` はページの中では使えません。
html-element-hint = { $how }。HTML で使えるのは { $allowed } だけです。
html-how-remove = 削除してください。公開するページでは、スクリプトを動かすこと、ほかのページを埋め込むこと、サイトの見た目を変えることはできません
html-how-link = リンクは Markdown で書いてください: [文字](https://…) または [文字](@/path/page.md)
html-how-image = 画像は Markdown で書いてください: ![説明](file.png)(ファイルはページの隣に置きます)
html-how-table = 表は Markdown で書いてください: | a | b | の行と、見出しの下に |---|---| の行を書きます
html-how-bold = 太字は Markdown で書いてください: **文字**
html-how-emphasis = 強調は Markdown で書いてください: *文字*
html-how-heading = 見出しは Markdown で書いてください: ## 見出し
html-how-list = 箇条書きは Markdown で書いてください: 行の先頭に `- ` か `1. ` を付けます
html-how-paragraph = 削除して、段落の間を空行で区切ってください
html-how-code = コードは Markdown で書いてください: `code`、または ``` の行で挟んだ部分
html-how-other = 削除するか、Markdown で書いてください
## ビルドの結果 (pipeline/)

summary = { $languages }、タグ { $tags } 個、比較表 { $comparisons } 個、警告 { $warnings } 件、{ $ms } ミリ秒
summary-pages-ja = 日本語 { $pages } ページ
summary-pages-en = 英語 { $pages } ページ(うち翻訳済み { $translated })
## 出力の確認 (check/)

link-missing = ページ { $page } は `{ $url }` にリンクしていますが、`{ $path }` はサイトにありません。
link-no-anchor = ページ { $page } は `{ $url }` にリンクしていますが、`{ $file }` にアンカー `#{ $anchor }` がありません。
link-outside-base = ページ { $page } は `{ $url }` にリンクしていますが、サイトの基本パスの外です。
link-not-relative = ページ { $page } は `{ $url }` にリンクしていますが、この URL はウェブサーバーの一番上から始まっています。このサイトはフォルダから開くように(`--relative`)ビルドされているため、そこはディスクの一番上を指してしまいます。
link-names-folder = ページ { $page } は `{ $url }` にリンクしていますが、この URL はフォルダを指しています。このサイトはフォルダから開くように(`--relative`)ビルドされているため、ブラウザはページ `{ $file }` ではなくフォルダのファイル一覧を表示してしまいます。
link-on-disk-hint = URL をページからの相対パスで書くか、ウェブサーバーで公開する場合は `--relative` を付けずにビルドしてください。テンプレートでは、URL を docs/templates.md にある変数(site.base_path、page.url など)から作ってください。
link-folder-on-disk-hint = フォルダではなくページのファイル(`{ $file }`)を指定するか、ウェブサーバーで公開する場合は `--relative` を付けずにビルドしてください。テンプレートでは、URL を docs/templates.md にある変数(site.base_path、page.url など)から作ってください。
link-in-page-hint = リンクは { $file } か、{ $templates } のテンプレート { $template }(またはそこから読み込む部品)にあります。shishin が正しい URL を書けるよう、ページへのリンクは `@/path.md` の形で書いてください。
link-in-template-hint = このリンクはテンプレートが書いています。URL は手で組み立てず、docs/templates.md にある変数(site.base_path、page.url など)から作ってください。
path-collision = { $first } と { $second } が、どちらも /{ $path } に書き込まれることになります。
path-collision-hint = サイトの一つのアドレスには一つのファイルしか置けません。どちらかの名前か場所を変えるか、ページに別の `slug:` を付けてください。
path-unsafe-part = { $source } は /{ $path } に書き込まれますが、その一部 { $part } は{ $problem }。
path-unsafe-part-hint = 元になったファイル、タグ、id の名前を、ふつうのことばに変えてください。
source-changes = { $file } の新旧対照表
source-search-index = 検索用の索引
source-fixed = shishin が作るファイル { $path }
source-tag-of = タグ「{ $tag }」のページ({ $file })
source-tag = タグ「{ $tag }」のページ
generated-tag-index = shishin が作るタグの一覧
generated-tag = shishin が作るタグのページ
generated-comparison = shishin が作る比較表のページ
generated-obligation = shishin が作る求められる事項のページ
generated-changes = shishin が作る新旧対照表
generated-glossary = shishin が作る用語集のページ
generated-search = shishin が作る検索ページ
generated-search-index = shishin が作る検索用の索引
generated-not-found = shishin が作る「ページが見つかりません」のページ
generated-data = shishin が作るデータのダウンロード（コードブック、データパッケージとその表）
generated-page = shishin が作るページ
## テーマ (render/theme.rs)

theme-missing = テーマ `{ $theme }` がありません: フォルダ { $folder } が見つかりません。
theme-missing-hint = shishin のリポジトリから `themes/default` をサイトにコピーするか、site.yaml の `theme:` を設定してください。
theme-string-missing = 画面の文言 `{ $key }` に { $lang } の文がありません。
theme-string-missing-hint = 画面の文言には、日本語と英語の両方が必要です。
what-ui-strings = 画面の文言
theme-template-missing = テーマにテンプレート { $template } がありません。
theme-template-missing-hint = テーマには docs/templates.md に挙げたテンプレートがすべて必要です。
template-error = テンプレートのエラーです: { $why }
template-error-hint = テンプレートを直してください。Tera の書き方は keats.github.io/tera で説明されています。
## YAML: 前付け、site.yaml、用語集 (load/yaml.rs、load/mistakes.rs)

what-front-matter = 前付け
what-site-yaml = site.yaml
what-glossary = 用語集
yaml-indented-with-tab = { $line } 行目の字下げにタブが使われています。YAML の字下げには半角の空白しか使えません。
yaml-indented-with-full-width-space = { $line } 行目の字下げに全角の空白「　」が使われています。YAML の字下げには半角の空白しか使えません。
yaml-indented-hint = 前後の行と同じように、半角の空白で字下げしてください: `{ $fixed }`
yaml-full-width-colon = 項目名の後ろに全角のコロン「：」が使われています。YAML では半角のコロン「:」と空白が必要です。
yaml-full-width-comma = かっこの中の区切りに全角のカンマ「，」が使われています。YAML では半角のカンマ「,」が必要です。
write-this-hint = `{ $fixed }` と書いてください。
yaml-tags-as-text = `tags` が一つの文字列として書かれています。リストとして書く必要があります。
yaml-tags-as-text-hint = タグはかっこで囲み、カンマで区切って書いてください: `tags: [{ $tags }]`
yaml-duplicate-key = 項目 `{ $key }` が二回書かれています: ここと { $line } 行目です。
yaml-duplicate-key-hint = 二つの `{ $key }:` の行のうち一つを残し、もう一つを削除してください。
yaml-unclosed-on-line = { $what }の YAML が正しくありません: { $line } 行目の `{ $open }` が閉じられていません。
yaml-unclosed-here = { $what }の YAML が正しくありません: ここの `{ $open }` が閉じられていません。
yaml-unclosed-hint = `{ $close }` で閉じてください。`{ $open }` で始まる文字列は、引用符で囲む必要があります。
yaml-unknown-key = { $what }に、知らない項目 `{ $key }` があります。
yaml-unknown-key-did-you-mean = `{ $suggestion }` の書き間違いではありませんか。{ $what }に書ける項目: { $allowed }
yaml-unknown-key-allowed = { $what }に書ける項目: { $allowed }
yaml-unknown-key-remove = 削除してください。
yaml-unknown-key-extra = { $hint }(テンプレートで使う自由なデータは `extra:` の下に書きます)
yaml-unknown-value = { $what }に、知らない値 `{ $value }` があります。
yaml-unknown-value-for = { $what }の `{ $key }` に、知らない値 `{ $value }` が書かれています。
yaml-unknown-value-did-you-mean = `{ $suggestion }` の書き間違いではありませんか。書ける値: { $allowed }
yaml-unknown-value-allowed = 書ける値: { $allowed }
yaml-missing-key = { $what }に `{ $key }` がありません。
yaml-missing-key-hint = `{ $key }: …` の行を書き足してください。
yaml-wrong-form = `{ $key }` には{ $expected }を書いてください({ $found }が書かれています)。
yaml-invalid-type = { $what }の値の形が違います: { $why }
yaml-check-form-hint = 値の形を確かめてください: 文字列、数、リスト(- 項目)、対応表(項目: 値)のどれかです。
yaml-invalid = { $what }の YAML が正しくありません: { $why }
yaml-invalid-hint = 字下げと引用符を確かめてください。`: ` を含む値や、`[`、`{"{"}`、`*` で始まる値は引用符で囲む必要があります。
form-whole-number = `10` のような整数
form-boolean = `true` か `false`
form-list = `[a, b]` のようなリスト
form-text = 文字列
form-map = 対応表(項目: 値)
yaml-write-boolean-hint = `{ $key }: true` か `{ $key }: false` と書いてください。
yaml-write-number-hint = 数字で書いてください。例: `{ $key }: 10`
yaml-write-list-hint = かっこで囲んだリストで書いてください。例: `{ $key }: [a, b]`
value-a-list = リスト
value-a-map = 対応表
value-empty = 空
## 原稿の読み込み (load/)

cannot-read = { $path } を読めません: { $why }
cannot-read-hint = ファイルがあるか、読む権限があるかを確かめてください。
file-vanished = サイトを作っている間に { $path } がなくなりました。
file-vanished-hint = ビルドの途中で削除、移動、または名前の変更がされました。ファイルがそろってから、もう一度ビルドしてください。
file-changed = サイトを作っている間に { $path } が変更されました。
file-changed-hint = 読み込んだ後に保存し直されたため、ページに古い文章と新しい文章が混ざるおそれがあります。何も公開していません。サイトは元のままです。ファイルを保存し終えてから、もう一度ビルドしてください。
shift-jis = { $path } は Shift_JIS で保存されています。Shift_JIS として読みました。
shift-jis-hint = どのツールでも同じように読めるよう、UTF-8 で保存し直してください(多くのエディターでは「エンコードを指定して保存」→ UTF-8 です)。
undecodable = { $path }:{ $line }: このファイルは UTF-8 でも Shift_JIS でもありません({ $byte } バイト目に読めないバイトがあります)。
undecodable-hint = ファイルを UTF-8 で保存し直してください。
no-content-folder = { $path } に content フォルダがありません。
no-content-folder-hint = ホームページの `_index.md` を入れた `content/` を作るか、`--root` でサイトのフォルダを指定してください。
link-loops = シンボリックリンクが、自分より上のフォルダを指していて循環しています
link-loops-hint = リンクを削除するか、別の場所を指すようにしてください。
not-a-regular-file = ふつうのファイルではありません
not-a-regular-file-hint = content にはファイルとフォルダしか置けません。削除するか、ファイルに置き換えてください。
not-a-slug = { $path }: ファイルとフォルダの名前は、半角英数字の短い名前(スラッグ)にしてください。
not-a-slug-hint = 小文字の英字、数字、ハイフンだけの名前(例: `chiba-plan.md`)に変えるか、`slug:` を設定してください。
link-outside-site = このシンボリックリンクは、サイトのフォルダの外にある { $target } を指しています。
link-outside-site-hint = リンクのままでは、このコンピューターの別の場所にあるファイルを公開してしまいます。ファイルをサイトのフォルダにコピーするか、リンクを削除してください。
windows-file-name = Windows のサーバーには `{ $name }` という名前のファイルを置けません: この名前は{ $problem }。
windows-file-name-hint = どのサーバーにもサイトをコピーできるよう、ファイルの名前を変えてください。例: `{ $safe }`
windows-folder-name = Windows のサーバーには `{ $name }` という名前のフォルダを置けません: この名前は{ $problem }。
windows-folder-name-hint = どのサーバーにもサイトをコピーできるよう、フォルダの名前を変えてください。例: `{ $safe }`
## site.yaml (load/config.rs)

no-site-yaml = { $path } に site.yaml がありません。サイトのフォルダではないようです。
no-site-folder = サイトのフォルダ { $path } がありません。
not-a-site-hint = サイトのフォルダ(site.yaml と content/ があるフォルダ)で shishin を実行するか、`--root フォルダ` でそのフォルダを指定してください。
base-url-not-absolute = `base_url` の `{ $url }` は、完全な形の URL ではありません。
url-not-absolute = `{ $url }` は、完全な形の URL ではありません。
url-in-full-hint = `https://www.pref.example.lg.jp/zaitaku/` のように、省略せずに書いてください。
value-is-unsafe = { $what } は{ $problem }。
site-address-hint = `https://www.pref.example.lg.jp/zaitaku/` のように、サイトのウェブアドレスを書いてください。
default-language-not-ja = `default_language` が `{ $lang }` になっていますが、shishin のサイトは日本語が基本です。
default-language-not-ja-hint = `default_language: ja` と書くか、この行を削除してください。
unknown-language = `languages` に、知らない言語 `{ $lang }` があります。
unknown-language-hint = shishin が公開するのは日本語(`ja`)と英語(`en`)です。
match-threshold-out-of-range = `match_threshold` が { $threshold } になっていて、0〜1 の範囲の外です。
match-threshold-out-of-range-hint = 0 から 1 までの類似度を書いてください。書かなければ 0.6 です。
set-and-comparison = `{ $id }` が、求められる事項のセットと比較表の両方の名前になっています。
set-and-comparison-hint = どちらも /compare/ID/ に公開されるため、比較表に別の id を付けてください。
undeclared-fact = 比較表 `{ $id }` が、宣言されていない数値 `{ $fact }` を使っています。
undeclared-fact-did-you-mean = `{ $suggestion }` の書き間違いではありませんか。数値は `facts:` の下で宣言してください。
undeclared-fact-hint = `facts:` の下で、見出しと種類を付けて宣言してください。
## 用語集 (load/glossary.rs)

glossary-bad-id = 用語集の id `{ $id }` は、半角英数字だけの id になっていません。
glossary-bad-id-hint = 小文字の英字、数字、ハイフンを使ってください。例: `id: home-nursing`
glossary-duplicate-id = 用語集に、id が `{ $id }` の項目が二つあります。
glossary-duplicate-id-hint = どちらか一方に、別の `id:` を付けてください。
glossary-empty-field = 用語集の項目 `{ $id }` の `{ $field }` が空です。
glossary-empty-field-hint = 用語とその説明を、日本語と英語の両方で書いてください。
glossary-form-twice = `{ $form }` が、用語集の二つの項目(`{ $first }` と `{ $second }`)の名前になっています。
glossary-form-twice-hint = 一つのことばがリンクできる項目は一つだけです。どちらかの項目から削除してください。
glossary-not-indexed = 用語集の索引を作れませんでした: { $why }
## 前付け (load/frontmatter.rs)

page-file-empty = ファイルが空です。どのページにも、少なくとも題名が必要です。
page-without-front-matter = ファイルが前付け(先頭の --- で囲んだ部分)で始まっていません。どのページにも、少なくとも題名が必要です。
page-without-front-matter-hint = ファイルの先頭に `---`、`title: …`、`---` の三行を書いてください。
front-matter-not-closed = 前付けが閉じられていません。
front-matter-not-closed-hint = 前付けの最後の行の後、本文の前に `---` の行を書き足してください。
title-empty = 題名が空です。
title-empty-hint = `title:` の後ろにページの題名を書いてください。
prefecture-hint = 都道府県は、名前(千葉県)、ローマ字(chiba)、JIS コード(12)のどれかで書いてください。
not-a-date = `{ $key }` が日付になっていません: { $why }
not-a-date-hint = `2023-03-31`、`令和5年3月31日`、`R5.3.31`、または `令和5年度` のような年度で書いてください。
unknown-fact = 知らない数値 `{ $key }` があります。
unknown-fact-did-you-mean = `{ $suggestion }` の書き間違いではありませんか。数値は site.yaml の `facts:` の下で宣言する必要があります。
unknown-fact-hint = site.yaml の `facts:` の下で(見出しと種類を付けて)宣言するか、`extra:` の下に移してください。
fact-unreadable = 数値 `{ $key }`(`{ $value }`)を読み取れません: { $why }
fact-unreadable-hint = 元の文書と同じように書いてください。例: `3,000千円`、`10/10`、`3分の2`、`平成30年度から平成32年度`。文書に「該当なし」とある場合は `該当なし` と書いてください。
slug-unsafe = スラッグ { $slug } は{ $problem }。
slug-unsafe-hint = スラッグはページのアドレスの最後の部分になります。`chiba-plan` のように、小文字の英字、数字、ハイフンで書いてください。
slug-not-ascii = スラッグ `{ $slug }` が半角英数字になっていません。
slug-not-ascii-hint = `chiba-plan` のように、小文字の英字、数字、ハイフンを使ってください。
extra-key = `extra:` の下の `{ $key }`
supersedes-not-a-path = `supersedes` には古い版のページを原稿ファイルで書いてください({ $written } と書かれています)。
supersedes-not-a-path-hint = content/ からのパスを `@/` を付けて書いてください。例: `supersedes: "@/prefectures/chiba/plan-draft.md"`
keyed = `{ $key }`: { $message }
tag-unsafe = タグ { $tag } は{ $problem }。
tag-unsafe-hint = タグごとに `tags/<タグ>/` のページができます。`在宅医療` のようなことばを書いてください。空、`.`、`..`、`/` や `\` を含むものは使えません。
## プレビューのサーバーの応答 (serve/http.rs、serve/host.rs)

http-no-error = 最後の作り直しは成功しました。
http-bad-path = 断りました: このパスはサイトの外を指しているか、形が正しくありません。
http-not-found = 見つかりません。
refused-no-host = ホスト名のない要求
refused-name = 「{ $name }」という名前あての要求
refused-malformed-name = 正しくない名前あての要求
help-default = [指定がなければ { $value }]
help-possible-values = [選べる値: { $values }]

cache-ignored = 注意: 前回のビルドの描画キャッシュ { $dir } は使いませんでした({ $why })。すべてのページを描画し直し、キャッシュを作り直しました。
cache-ignored-damaged = 壊れているか、キャッシュではありません
cache-ignored-format = 別の形式で保存されています
cache-ignored-binary = 別のバージョンの shishin が作ったものです
cache-ignored-site = 別のサイトのフォルダ用に作られたものです
cache-damaged-search = ビルドの途中で描画キャッシュが変わったため、検索用の索引を作れませんでした。キャッシュは消しました。もう一度ビルドしてください。何も公開していませんので、サイトは元のままです。
help-i18n-status-diff = この翻訳を記録(stamp)してから、元の日本語のどこが変わったかを表示します。
## ページと比較表の数値 (load/config.rs、load/facts.rs)

fact-code-without-values = 数値 `{ $id }` は `type: code` ですが、`values:` の下にコードが一つも書かれていません。
fact-code-without-values-hint =
    使えるコードを、それぞれの表示とともに書いてください。例:
    {"  "}{ $id }:
        type: code
        values:
          municipality: {"{"} ja: 市町村, en: Municipalities {"}"}
fact-values-not-code = 数値 `{ $id }` に `values:` が書かれていますが、種類が `{ $kind }` です。
fact-values-not-code-hint = コードの一覧を持てるのは `type: code` の数値だけです。`type: code` と書くか、`values:` を削除してください。
fact-multiple-not-code = 数値 `{ $id }` に `multiple: true` が書かれていますが、種類が `{ $kind }` です。
fact-multiple-not-code-hint = `multiple: true` は、`type: code` の数値が複数のコードを持てるようにするものです。ほかの種類では削除してください(`list` の数値は、もともと複数の項目を持てます)。
fact-code-incomplete = 数値 `{ $id }` のコード `{ $code }` には、id と日英両方の表示が必要です。
fact-code-incomplete-hint = コードは `id: {"{"} ja: 日本語の表示, en: English label {"}"}` の形で書いてください。
obligation-fact-in-comparison = 比較表 `{ $id }` に `{ $fact }` が挙げられていますが、これは求められる事項ごとの数値(`scope: obligation`)です。
obligation-fact-in-comparison-hint = 求められる事項ごとの数値は、求められる事項の比較(/compare/SET/)に自動で表示されます。この比較表から `{ $fact }` を削除してください。
fact-unknown-map-key = 数値 `{ $key }` に、知らない項目 `{ $name }` があります。
fact-map-keys-did-you-mean = `{ $suggestion }` の書き間違いではありませんか。数値に書ける項目は `value`、`as_of`、`note`、`en`、`per` です。
fact-map-keys-hint = 数値に書ける項目は `value`、`as_of`、`note`、`en`、`per` です。
fact-without-value = 数値 `{ $key }` に `value` がありません。
fact-without-value-hint = 元の文書と同じように値を書いてください。例: `{"{"} value: 3,000千円, as_of: 令和6年度 {"}"}`。文書に「該当なし」とある場合は `value: 該当なし` と書いてください。
fact-part-not-text = 数値 `{ $key }` の `{ $part }` が空か、文字列になっていません。
fact-part-not-text-hint = コロンの後ろに文字列か数を書いてください(`list` の数値ではリスト)。文書に書かれていない数値は、書かずにおいてください。
fact-as-of-not-a-date = 数値 `{ $key }` の `as_of`(`{ $value }`)が日付になっていません: { $why }
fact-as-of-not-a-date-hint = 値がいつ時点のものかを書いてください。例: `令和6年度`、`R6.4.1`、`2024-04-01`
fact-english-not-needed = 数値 `{ $key }` の種類は `{ $kind }` で、英語は shishin が作ります。
fact-english-not-needed-hint = `en:` で英語を書くのは `text` と `list` の数値だけです。金額、割合、期間、日付は値から、コードは site.yaml の表示から英語にします。
fact-per-not-amount = 数値 `{ $key }` に `per` が書かれていますが、金額ではありません。
fact-per-not-amount-hint = `per:` は、金額が何あたりのものかを書くものです(例: `per: 市町村`)。ここでは削除してください。
unit-without-english = 金額は `{ $unit }` あたりのものですが、`units:` にその英語がありません。
unit-without-english-hint = 英語のページで金額が何あたりかを示せるよう、site.yaml に書き足してください。例: `units: {"{"} { $unit }: … {"}"}`
## 翻訳の元の日本語の保存 (i18n.rs)

i18n-cannot-keep = content/{ $key } の日本語の本文を { $path } に保存できません: { $why }
i18n-cannot-keep-hint = 後で変更点を表示するため、shishin はそこに保存します。サイトの { $store } フォルダに書き込めるかを確かめてください。
i18n-diff-not-stamped =
    { $en } は記録(stamp)されていません。{ $ja } のどの版から翻訳したかが分からないため、比べられません。
    翻訳が { $ja } に合ったら `shishin i18n stamp { $en }` を実行してください。それ以降は { $ja } の変更点をここに表示します。
i18n-diff-unchanged = { $en } を記録(stamp)してから、{ $ja } は変わっていません。翻訳は最新です。
i18n-diff-not-kept =
    { $en } を記録(stamp)してから { $ja } が変わりましたが、翻訳の元になった日本語の本文が保存されていないため、変更点を表示できません。
    次に `shishin i18n stamp { $en }` を実行したときから、shishin はその本文を保存します。それまでは、翻訳の元になった版と { $ja } を手で比べてください(古いファイルがあれば `shishin diff 古い版.md { $ja }` で比べられます)。
i18n-diff-changed = { $en } を記録(stamp)してから、{ $ja } が次のように変わりました:
i18n-diff-old-caption = { $en } を記録したときの { $ja }
i18n-diff-new-caption = いまの { $ja }
## 内部エラー (write/)

output-kept-file-changed = 内部エラー: 出力ファイル `{ $path }` はそのまま残すはずでしたが、変わっていました。
output-kept-file-changed-hint = 何も書き込んでいません。--clean を付けて、もう一度ビルドしてください。
## ページ、リンク、翻訳、版 (link/)

site-without-home = サイトにホームページがありません: content/_index.md が見つかりません。
site-without-home-hint = 題名と、サイトを説明する短い文を書いた content/_index.md を作ってください。
translation-without-original = { $path } は翻訳ですが、その元の日本語のページ content/{ $key } がありません。
translation-without-original-hint = 日本語のページを作るか、翻訳でなければファイルの名前を変えてください。
same-page-path = { $first } と { $second } が、どちらも /{ $path } のページになります。
same-page-path-hint = どちらかのファイルの名前を変えるか、どちらかに別の `slug:` を付けてください。
page-paths-differ-in-case = { $first } と { $second } のページのアドレスが、大文字と小文字の違いしかありません: /{ $first_path } と /{ $second_path }
page-paths-differ-in-case-hint = 大文字と小文字を区別しないファイルシステムでは、片方がもう片方を上書きしてしまいます。どちらかのファイルの名前を変えるか、どちらかに別の `slug:` を付けてください。
reserved-url = このページのアドレス /{ $path } は、shishin が{ $owner }を置く場所です。
reserved-url-hint = /{ $folder }/ とその下のアドレスはすべて、shishin が作る{ $owner }のためのものです。ファイルかフォルダ `{ $top }` の名前を変えるか、ページに別の `slug:` を付けてください。
reserved-english-pages = 英語のページ
reserved-tag-pages = タグのページ
reserved-comparison-pages = 比較表のページ
reserved-obligation-pages = 求められる事項のページ
reserved-glossary-page = 用語集のページ
reserved-search-page = 検索ページ
reserved-data-downloads = ダウンロード用のデータ
obligation-set-unnamed = 求められる事項のセット `{ $set }` が、site.yaml で名前を付けられていません。
obligation-set-unnamed-did-you-mean = `{ $suggestion }` の書き間違いではありませんか。セットの名前は site.yaml の `obligations.sets` の下に書きます。
obligation-set-unnamed-hint = site.yaml の `obligations.sets` の下に、セットの名前を日本語と英語で書いてください。例: `{ $set }: {"{"} ja: …, en: … {"}"}`
obligation-set-twice = 求められる事項のセット `{ $set }` が二回定義されています。すでに { $other } で定義されています。
obligation-set-twice-hint = 一つのセットの元になる一覧は一つだけにしてください。ほかの場所では、`prefecture` のあるページで引用してください。
translation-without-obligation-list = 翻訳に `{ $set }` の求められる事項の一覧がありません。
translation-without-obligation-list-hint = 翻訳した一覧の上に、`{"{"}.obligations set={ $set }{"}"}` を付けた見出しを書いてください。
canonical-count-differs = { $en } には `{ $set }` の求められる事項が { $count } 個ありますが、日本語の { $ja } には { $ja_count } 個あります。元になる一覧は、両方の言語で同じ数が必要です。
canonical-count-differs-hint = 指針の求められる事項を、日本語の一覧と同じ順に、一項目ずつすべて翻訳してください。
link-to-nothing = リンク切れです: `{ $dest }` の先に、このサイトのページもファイルもありません。
link-to-nothing-hint = ページへは `@/guideline/hub.md` のように原稿ファイルでリンクするか、パスを確かめてください。
link-to-draft = `{ $dest }` は下書きにリンクしていますが、下書きはこのビルドに含まれません。
link-to-draft-hint = ページを公開する(`draft: true` を削除する)か、リンクを削除するか、`--drafts` を付けてビルドしてください。
link-no-page = リンク切れです: `{ $dest }`: content/{ $key } というページはありません。
link-no-page-did-you-mean = `@/{ $suggestion }` の書き間違いではありませんか。パスは content/ からの相対パスです。
link-no-page-hint = パスは `@/guideline/hub.md` のように、content/ からの相対パスで書いてください。
link-no-anchor-on-page = リンク切れです: `{ $dest }`: { $file } にアンカー `#{ $anchor }` がありません。
link-anchor-did-you-mean = `#{ $suggestion }` の書き間違いではありませんか。見出しに `{"{"}#{ $anchor }{"}"}` で id を付けるか、ある見出しにリンクしてください。
link-anchor-no-headings = リンク先のページには、リンクできる見出しがありません。
link-anchors-on-page = リンク先のページのアンカー: { $anchors }
link-no-obligation-set = リンク切れです: `@ob:{ $id }`: 求められる事項のセット `{ $set }` の元になる一覧がありません。
link-no-obligation-set-hint = 求められる事項へのリンクは `@ob:hub-3` のように書きます。定義されているセット: { $sets }
link-no-obligation = リンク切れです: `@ob:{ $id }`: セット `{ $set }` の求められる事項は { $count } 個です。
link-no-obligation-hint = `@ob:{ $set }-1` から `@ob:{ $set }-{ $count }` までを使ってください。
link-outside = リンク切れです: `{ $dest }` はサイトの外を指しています。
link-outside-hint = 余分な `../` を削除してください。
translated-from-in-original = `translated_from` は翻訳(`.en.md`)に書くもので、日本語のページには書きません。
remove-the-line-hint = この行を削除してください。
translation-stale = 翻訳が古くなっています: 翻訳した後に { $ja } が変わりました。
translation-stale-hint = 翻訳を直してから、`shishin i18n stamp { $en }` を実行してください。
translation-unstamped = 翻訳に、元のページのどの版から翻訳したかが記録されていません。
translation-unstamped-hint = `shishin i18n stamp { $en }` を実行して記録してください。
tags-share-a-page = タグ「{ $first }」({ $first_file })と「{ $second }」({ $second_file })が、同じページ /{ $path } になってしまいます。
tags-share-a-page-hint = タグはどのページでも同じ書き方にしてください。タグのページのアドレスは、大文字と小文字や空白の違いを区別しません。
item-resembles-obligation = この項目は指針の求められる事項のどれとも一致しませんが、`{ $id }` とよく似ています(類似度 { $percent }%)。比較表では都道府県独自の追加として数えます。
item-resembles-obligation-hint = この都道府県での `{ $id }` にあたる項目なら、最初の行の終わりに `{"{"}#{ $id }{"}"}` を付けてください。都道府県独自の追加なら、このままで構いません。
translated-list-out-of-date = 翻訳が古くなっています: `{ $set }` の一覧は { $ja } では { $ja_count } 項目ですが、ここでは { $en_count } 項目です。
translated-list-lacks-items-hint = この一覧に足りない日本語の項目を翻訳してから(それまで英語のページには日本語のまま表示されます)、`shishin i18n stamp { $en }` を実行してください。
translated-list-follow-hint = 英語の一覧を日本語の一覧に合わせて、同じ順に一項目ずつにしてから、`shishin i18n stamp { $en }` を実行してください。
no-translated-list = 翻訳に `{ $set }` の一覧がありません({ $ja } にはあります)。英語のページには、その一覧が日本語のまま表示されます。
no-translated-list-hint = 末尾に `{"{"}.obligations set={ $set }{"}"}` を付けた見出しの下に、一覧を翻訳してから、`shishin i18n stamp { $en }` を実行してください。
prefecture-folder-differs = このページは { $folder } のフォルダ({ $slug }/)にありますが、`prefecture:` には { $named } と書かれています。比較表では { $named } の列に入ります。
prefecture-folder-differs-hint = ページが { $folder } のものなら `prefecture: { $slug }` と書いてください。{ $named } のものなら、`{ $named_slug }` という名前のフォルダに移してください。
prefecture-listed-twice = { $first } とこのページが、どちらも { $prefecture } の `{ $set }` を挙げていて、どちらももう一方を置き換えていません。比較表では { $prefecture } の列に両方の項目が表示されます。
prefecture-listed-twice-hint = このページがもう一方の新しい版なら、前付けに `supersedes: "@/{ $key }"` を書き足してください。どちらかが別の都道府県のものなら、その `prefecture:` を直してください。
stamp-not-utf8 = { $path } は UTF-8 ではないため、記録を書き込めません。
stamp-not-utf8-hint = 先に UTF-8 で保存し直してください。
stamp-without-front-matter = { $path } には、記録を書き込む前付けがありません。
stamp-without-front-matter-hint = ファイルの先頭に `---`、`title: …`、`---` の三行を書いてください。
cannot-write = { $path } に書き込めません: { $why }
translation-supersedes-differs = 翻訳の版は日本語のページに従います。この `supersedes:` は日本語のページのものと違います。
translation-supersedes-differs-hint = この行を削除してください。翻訳は { $ja } の `supersedes:` を引き継ぎます。
supersedes-draft = `supersedes:` に書かれた content/{ $key } は下書きで、このビルドに含まれません。
supersedes-draft-hint = 古い版のページを公開する(`draft: true` を削除する)か、`--drafts` を付けてビルドしてください。
supersedes-missing = `supersedes:` に書かれた content/{ $key } がありません。
supersedes-missing-hint = 古い版のページを、content/ の下のファイルで書いてください。例: `@/prefectures/chiba/plan-draft.md`
versions-cycle = 版のつながりが循環しています(矢印は、新しい版 → それが置き換える版): { $chain }
versions-cycle-step = {" → "}
versions-cycle-hint = `supersedes:` は古い版を置き換えるときだけに書きます。いちばん古いページから `supersedes:` を削除してください。
changes-url-taken = このページのアドレス /{ $path } は、shishin が { $file } の新旧対照表を置く場所です。
changes-url-taken-hint = ファイルの名前を変えるか、ページに別の `slug:` を付けてください。
already-superseded = content/{ $key } は、すでに { $other } に置き換えられています。一つの版を置き換える新しい版は一つだけです。
already-superseded-hint = 二つのページのうち新しいほうが、もう一方を置き換えるようにしてください。古い版 → 新しい版 → 最新の版、のようにつなげます。
## 比較表 (compare/)

item-fact-unreadable = この求められる事項の項目の下の `{ $label }`(数値 `{ $key }`)を `{ $value }` から読み取れません: { $why }
item-fact-unreadable-hint = 元の文書と同じように値を書いてください(例: `1拠点あたり1,060千円`、`ア、オ`)。文書に「該当なし」とある場合は `該当なし` と書いてください。
item-fact-twice = この求められる事項の項目の下に、`{ $label }`(数値 `{ $key }`)が二回書かれています。
item-fact-twice-hint = 数値は一つの項目に一回だけ書いてください。補足の説明は、値の後ろのかっこの中に書いてください。
set-without-guideline = セット `{ $set }` を定義する国の指針のページがないため、この一覧は比較されません。
set-without-guideline-hint = `kind: guideline` のページに、見出し `{"{"}.obligations set={ $set }{"}"}` の下で元になる一覧を書いてください。
item-matches-two = この項目は `{ $first }` とも `{ $second }` とも、ほぼ同じくらい一致します。
item-matches-two-hint = どちらにあたるかを書いてください。最初の行の終わりに `{"{"}#{ $first }{"}"}` を付けます。
slip-on-verbatim = この項目には `.slip` が付いていますが、文言は `{ $id }` と同じです。
slip-on-verbatim-hint = `.slip` は、元の文書の誤記と思われる違いに付けるものです。ここでは削除してください。
marker-names-nothing = 目印 `{"{"}#{ $marker }{"}"}` は、セット `{ $set }` の求められる事項のどれにもあたりません。
marker-names-nothing-hint = セット `{ $set }` にあるのは `{ $set }-1` から `{ $set }-{ $count }` までです。
## Markdown: 求められる事項の一覧と、公開できないアドレス (markdown/)

obligations-heading-without-set = 求められる事項の見出しに `set` がありません。
obligations-heading-without-set-hint = セットの名前を書いてください。例: `{"{"}.obligations set=hub{"}"}`
obligations-heading-without-list = 求められる事項の見出しの後に、一覧がありません。
obligations-heading-without-list-hint = 見出しのすぐ下に、求められる事項の一覧を書いてください。
not-an-obligation-id = `#{ $id }` は、求められる事項の id ではありません。
not-an-obligation-id-hint = 目印では、求められる事項を `{"{"}#hub-3{"}"}` や `{"{"}#hub-3 #hub-4{"}"}` のように書きます。
marker-without-obligation = 目印 `{"{"}{ $body }{"}"}` に、求められる事項の id がありません。
marker-without-obligation-hint = `.slip` と `note="…"` は、それが指す求められる事項の id と一緒に書きます。例: `{"{"}#hub-1 .slip note="資料の誤記と思われる"{"}"}`
what-link-definition-address = リンク定義のアドレス
what-link-address = リンクのアドレス
what-image-address = 画像のアドレス
## ページの作成 (render/)

changes-without-older = 内部エラー: { $path } はどのページも置き換えていないため、新旧対照表のページがありません。
template-context-failed = 内部エラー: テンプレートに渡す値を用意できませんでした: { $why }
## 日付、都道府県、数値の読み取り (guidance/)

date-expected = `2023-03-31`、`令和5年3月31日`、`R5.3.31` のような日付か、`令和5年度` のような年度を書いてください。
date-year-alone = 年だけでは日付になりません。月と日を書き足す(`令和5年3月31日`)か、年度として書いてください(`令和5年度`)。
fiscal-year-expected = `令和6年度`、`R6`、`2024年度`、`FY2024` のような年度を書いてください。
fiscal-year-without-weekday = 年度には曜日がありません。
calendar-year-not-fiscal = `{ $text }` は暦の年です。年度なら `{ $text }度` と書いてください。
date-unexpected-after-date = 日付の後ろに、余分な `{ $rest }` があります。
date-unexpected-after-year = 年の後ろに、読めない `{ $rest }` があります。
date-year-missing = `{ $text }` には年がありません。`令和6年{ $month }月{ $day }日` のように年を付けて書いてください。
era-ended = { $era }は { $last_day } で終わっています。`{ $written }` は { $same_day } です。
era-year-zero = 0 年という元号の年はありません。元号は 1 年(元年)から始まります。
era-year-out-of-range = 元号の { $year } 年は範囲(1〜{ $max })の外です。
gannen-without-era = 元年の前には元号が必要です。例: `令和元年`
unknown-era-letter = 知らない元号の略字 `{ $prefix }` があります。M、T、S、H、R のどれかを書いてください。
unknown-era = 知らない元号 `{ $prefix }` があります。明治、大正、昭和、平成、令和(または M、T、S、H、R)のどれかを書いてください。
year-out-of-range = { $year } 年は範囲({ $lo }〜{ $hi })の外です。西暦は 2023 のように四桁で書いてください。
month-kanji-expected = 月の数字の後ろに「月」が必要です。例: `3月31日`
month-alone = 月だけでは日付になりません。日を書き足してください。例: `3月31日`
day-separator-expected = 月の後ろに区切りと日が必要です。例: `2023-03-31`
date-number-expected = { $what }の数字がありません。
date-number-too-large = { $what }の `{ $digits }` が大きすぎます。
date-part-year = 年
date-part-month = 月
date-part-day = 日
month-out-of-range = { $month } 月は範囲(1〜12)の外です。
day-out-of-range = { $day } 日は範囲(1〜31)の外です。
day-not-in-month = { $date } という日はありません({ $month }は { $days } 日までです)。
weekday-differs = { $date } は{ $actual }です。{ $written }ではありません。
prefecture-expected = 都道府県の名前(千葉県)、ローマ字(chiba)、JIS コード(01〜47)のどれかを書いてください。
prefecture-code-out-of-range = 都道府県コード { $code } は範囲(01〜47)の外です。
unknown-prefecture-did-you-mean = 知らない都道府県 `{ $key }` です。`{ $name }`({ $slug }、{ $code })の書き間違いではありませんか。
unknown-prefecture = 知らない都道府県 `{ $key }` です。名前(千葉県)、ローマ字(chiba)、JIS コード(01〜47)のどれかを書いてください。
code-expected = 値がありません。{ $codes } のどれかを書いてください。
code-one-expected = コードは一つだけ書けますが、{ $count } 個書かれています。複数あてはまる場合は、site.yaml のこの数値に `multiple: true` を書き足してください。
code-unknown-did-you-mean = `{ $word }` は宣言されたコードではありません。`{ $id }`({ $label })の書き間違いではありませんか。コードは { $codes } です。
code-unknown = `{ $word }` は宣言されたコードではありません。コードは { $codes } です。
code-read-by-choices = 内部エラー: コードの数値は、宣言された値と照らし合わせて読みます(parse_code)。
fiscal-years-expected = `令和6年度〜令和8年度` や `2024年度` のような年度か、`3年間` のような期間を書いてください。
fiscal-years-two-ends = `令和6年度〜令和8年度` や `2024年度` のような年度か、`3年間` のような期間を書いてください。範囲には始めと終わりの二つが必要です。
fiscal-years-backwards = 年度の順が逆になっています(FY{ $from } から FY{ $to })。
duration-not-a-number = `令和6年度〜令和8年度` や `2024年度` のような年度か、`3年間` のような期間を書いてください。`{ $years }年間` の年数が数字になっていません。
duration-zero = 期間は 1 年以上にしてください。
duration-too-large = 期間 { $years }年間 が大きすぎます。
rate-expected = `10/10`、`3分の2`、`定額` のような割合か、`初年度：定額、2年目：3分の2` のような年ごとの割合を書いてください。
rate-numerator-too-large = 割合の分子 { $num } が大きすぎます。
rate-denominator-too-large = 割合の分母 { $den } が大きすぎます。
rate-denominator-zero = 割合の分母を 0 にはできません。
rate-over-whole = 割合 { $num }/{ $den } が 10/10 を超えています。
rate-after-label-expected = `{ $label }` の後ろには `3分の2` や `定額` のような割合を書いてください(`{ $rate }` と書かれています)。
text-expected = 文字が書かれていません。
list-expected = 項目を `、` で区切るか、一行に一つずつ書いてください。
yen-expected = `3,000千円`、`5万円`、`1,500,000円` のような円の金額を書いてください。
yen-several = 金額が複数あります({ $first } と { $second })。円の金額を一つだけ書いてください。
yen-too-large = 金額が大きすぎます。
yen-not-whole = 金額が円単位の整数になっていません。
allow-host-not-a-host = `{ $value }` はホスト名ではありません。http:// やパスを付けずに、名前かアドレスだけを書いてください。例: `--allow-host mypc.local`、`--allow-host 192.168.1.5`
