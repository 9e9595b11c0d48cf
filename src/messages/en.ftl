# What shishin says, in English. Every id here is also in ja.ftl, with the same $variables.
# The module doc of src/messages/mod.rs says how to add a message.

## How a diagnostic is printed

note-help = help: { $hint }
note-here = here: { $excerpt }
## Writing the output folder (write/)

output-is-the-site = the output folder { $out } is the site's own folder, with files that shishin did not make
output-holds-the-site = the output folder { $out } holds the site's own folder { $root }, with files that shishin did not make
output-inside-sources = the output folder { $out } lies inside the site's { $folder }/ folder
output-inside-sources-hint = a build replaces everything in its output folder and must not mix with the site's sources: leave out --out to build into public/, or give a folder beside content/, such as --out public
output-is-a-file = the output folder { $out } is a file, not a folder
output-is-a-file-hint = give --out the name of a folder, or move that file away first
output-holds-other-files = the output folder { $out } already holds files that shishin did not make
output-holds-other-files-hint = a build replaces everything in its output folder: give --out a new or empty folder, or move those files away first
output-locked = another shishin build is writing to { $out } right now
output-locked-hint = wait until it has finished, then build again
build-interrupted = stopped: the build was interrupted; the output folder was left as it was
doing-create = create
doing-write = write
doing-copy-to = copy to
doing-exchange = exchange
doing-move-into-place = move into place
doing-replace = replace
output-io-failed = cannot { $doing } { $path }: { $why }
output-io-failed-hint = check free disk space and permissions of the output folder
output-path-outside = internal error: the output path `{ $path }` would lie outside the output folder
internal-error-hint = nothing was written; please report this with the site that causes it
output-partly-updated-hint = { $out } is partly updated: { $done } of { $total } changed files were replaced, each whole, before this; fix the cause and build again to finish
## The preview (serve/)

serve-no-site-folder = cannot open the site folder { $path }: { $why }
serve-no-site-folder-hint = pass the site's folder with `--root`
serve-not-loopback = warning: serving on { $bind }: anyone who can reach this machine can read the drafts
serve-unspecified-note = note: other computers can open the preview only by a name or address allowed with `--allow-host`, e.g. `--allow-host 192.168.1.5`
serve-first-build = first build
serve-cannot-watch = cannot watch { $path } for changes: { $why }
serve-cannot-watch-hint = on network drives or WSL, try `shishin serve --poll`
serve-serving = serving { $path } at { $url } (drafts included; Ctrl-C stops)
serve-also-answering = also answering requests for: { $hosts }
serve-no-browser = warning: could not open a browser ({ $why }); open { $url } yourself
serve-stopping = stopping
serve-stopped = stopped
serve-cannot-bind = cannot serve on { $address }: { $why }
serve-port-busy-hint = another program (perhaps another `shishin serve`) uses port { $port }; try `shishin serve --port { $free }`
serve-port-busy-no-free-hint = another program uses this port; choose another with `--port`
serve-rebuild-failed = failed with { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}; still serving the last good build
serve-changed-setup = site.yaml or theme
serve-changed-more = { $first } and { $more } more
serve-failed = the preview server failed: { $why }
rebuilt-summary = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} rendered, { $changed } changed, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}, in { $ms } ms
rebuilt-everything-changed = everything
rebuilt-files-changed = { $files ->
    [one] 1 file
   *[other] { $files } files
}
## The command line (main.rs): summary lines

built = built { $summary } into { $out }
built-file-by-file = { $out } is a mount point or a link to a folder elsewhere, so it could not be replaced in one step: its files were replaced one by one, each whole
checked = checked { $summary }
failed = failed: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}; nothing was written
failed-partly-updated = failed: { $out } is partly updated; build again to finish
no-comparison = there is no comparison `{ $id }`
no-comparison-hint = comparisons of this site: { $ids }
list-separator = {", "}
i18n-ok = ok
i18n-missing = missing
i18n-stale = stale
i18n-unstamped = unstamped
i18n-count = { $count } { $state }
i18n-summary = { $pages } pages: { $states }
i18n-fact-untranslated = untranslated fact  { $file }  { $fact }
i18n-facts-summary = { $count ->
    [one] One text fact has
   *[other] { $count } text facts have
} no English: English pages show them in Japanese. Give the English beside the Japanese, like `{ $fact }: {"{"} value: 市町村, en: Municipalities {"}"}`.
i18n-stamped = stamped { $path } (translated_from: { $digest })
stamp-not-in-content = { $path } is not a file in { $content }
stamp-not-in-content-hint = give the path of an English translation, like content/guideline/hub.en.md
stamp-not-a-translation = { $path } is not a translation (`.en.md`)
stamp-not-a-translation-hint = stamp the English file, e.g. `shishin i18n stamp content/a.en.md`
stamp-no-front-matter = { $path } has no front matter

## The command line: --help

help-about = Publishes planning guidance as a bilingual, cross-linked static site
help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-help = Print help
help-version = Print version
help-root = The site's folder (with site.yaml and content/)
help-messages = The language of messages: ja or en (default: the locale's, from LC_ALL, LC_MESSAGES or LANG)
help-build = Build the site into public/ (swapped in only when the whole build succeeded)
help-build-out = Output folder (default: public/ in the site's folder)
help-drafts = Include pages marked `draft: true`
help-build-base-url = Publish under another address than site.yaml's base_url
help-build-relative = Write every link relative, so the folder works opened from disk or copied to a file share or USB stick (open index.html in a browser)
help-build-clean = Render every page again, ignoring what the last build kept (and replacing it)
help-strict = Treat warnings as errors
help-serve = Preview the site with live reload: built in memory with drafts, rebuilt on every edit
help-serve-port = The port to serve on
help-serve-bind = The address to listen on; anything but loopback lets others read the drafts
help-serve-open = Open the site in the browser
help-serve-poll = Watch by polling, for file systems that send no change events (WSL2, network drives)
help-serve-allow-host = Also answer requests that name this host (repeatable). Only localhost, 127.0.0.1, [::1] and the --bind address are answered otherwise, so that other web pages cannot read your drafts
help-check = Run every check of `build` without writing anything
help-compare = Print one comparison table: an obligation set (`hub`) or a fact comparison (`subsidies`)
help-compare-id = The set or comparison id
help-format = The output format
help-lang = The language of the table
help-diff = Print the 新旧対照表 of two Markdown files (new | old | remarks), inside a site or not
help-diff-old = The older version
help-diff-new = The newer version
help-i18n = Translation state of every page, and recording it
help-i18n-status = List each page's translation: ok, missing, stale or unstamped
help-i18n-stamp = Record that these translations follow the current Japanese text
help-i18n-stamp-paths = The English files (.en.md) to stamp
## The preview's error overlay (serve/overlay.rs)

overlay-title = The site has errors
overlay-kept = The last good version is still shown. Fix the file and save it: this message goes away by itself.
overlay-close = Close
overlay-line = line { $n }
overlay-hint-label = Hint
## Names and unsafe text (text/)

name-is-empty = is empty
name-is-only-spaces = is only spaces
name-is-a-dot-name = is a dot name, which means “this folder” or “the folder above” in a path
name-holds-a-slash = holds a `/` or `\`, which would split it into folders
name-holds-a-control-character = holds an invisible control character (a tab, a line break or similar)
name-is-too-long = is longer than a file name may be (255 bytes, about 85 Japanese characters)
windows-device-name = is the name of a device (`{ $stem }`) on Windows
windows-forbidden-character = holds `{ $char }`, which Windows forbids in file names
windows-dot-or-space-at-end = ends with a dot or a space, which Windows drops
url-runs-a-script = is a `{ $scheme }:` URL, which runs a script in the reader's browser
url-svg-data = is an SVG written as a `data:` URL, which can carry a script
url-other-data = is a `data:` URL of something other than an image, which can carry a page with a script
url-runs-a-script-hint = published pages may not run scripts: link to a web address (https://…) or to a page of the site (@/path/page.md)
url-svg-data-hint = save the SVG as a file beside the page and use its name: ![description](map.svg)
url-other-data-hint = save the content as a file beside the page and link to its name; only PNG, JPEG, GIF, WebP, AVIF and BMP images may be written as `data:` URLs
html-doctype = raw HTML `<!DOCTYPE>` is not allowed in a page
html-doctype-hint = remove it: the theme writes the page around the text
html-element = raw HTML `<{ $element }>` is not allowed in a page
html-element-with-url = raw HTML `<{ $element }>` is not allowed in a page ({ $url })
html-element-url = its `{ $attribute }` { $problem }
html-attribute-hint = remove `{ $attribute }=…`; raw HTML may carry only the attributes { $allowed }
html-attribute-script = the attribute `{ $attribute }` on `<{ $element }>` runs a script, which a published page may not do
html-attribute-style = the attribute `style` on `<{ $element }>` is not allowed (the theme's stylesheet styles the page; `class` names its styles)
html-attribute = the attribute `{ $attribute }` on `<{ $element }>` is not allowed in a page
html-element-hint = { $how }; raw HTML may use only { $allowed }
html-how-remove = remove it: published pages may not run scripts, embed other pages or restyle the site
html-how-link = write the link in Markdown: [text](https://…) or [text](@/path/page.md)
html-how-image = write the image in Markdown: ![description](file.png), with the file beside the page
html-how-table = write the table in Markdown: | a | b | lines with a |---|---| line under the header
html-how-bold = write bold text in Markdown: **text**
html-how-emphasis = write emphasis in Markdown: *text*
html-how-heading = write the heading in Markdown: ## heading
html-how-list = write the list in Markdown: lines starting with `- ` or `1. `
html-how-paragraph = remove it and separate paragraphs with a blank line
html-how-code = write code in Markdown: `code`, or a block between ``` lines
html-how-other = remove it, or write it in Markdown
## The summary of a build (pipeline/)

summary = { $languages }, { $tags ->
    [one] 1 tag
   *[other] { $tags } tags
}, { $comparisons ->
    [one] 1 comparison
   *[other] { $comparisons } comparisons
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}, in { $ms } ms
summary-pages-ja = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} in ja
summary-pages-en = { $pages } in en ({ $translated } translated)
## Checks of the output (check/)

link-missing = the page { $page } links to `{ $url }`, but `{ $path }` is not part of the site
link-no-anchor = the page { $page } links to `{ $url }`, but `{ $file }` has no anchor `#{ $anchor }`
link-outside-base = the page { $page } links to `{ $url }`, but it is outside the site's base path
link-not-relative = the page { $page } links to `{ $url }`, but it starts at the root of the web server, and the site is built to be opened from a folder (`--relative`), where that is the root of the disk
link-names-folder = the page { $page } links to `{ $url }`, but it names a folder, and the site is built to be opened from a folder (`--relative`), where a browser shows the folder's list of files instead of its page `{ $file }`
link-on-disk-hint = write the URL relative to the page, or build without `--relative` to publish the site on a web server; in a template, build URLs from the variables in docs/templates.md (site.base_path, page.url, …)
link-folder-on-disk-hint = name the page's file (`{ $file }`) rather than its folder, or build without `--relative` to publish the site on a web server; in a template, build URLs from the variables in docs/templates.md (site.base_path, page.url, …)
link-in-page-hint = the link is in { $file } or in the template { $template } of { $templates } (or a partial it includes); link pages with `@/path.md` so shishin writes the right URL
link-in-template-hint = a template writes this link: build URLs from the variables in docs/templates.md (site.base_path, page.url, …) rather than by hand
path-collision = { $first } and { $second } would both be written to /{ $path }
path-collision-hint = each address of the site holds one file: rename or move one of them, or give the page another `slug:`
path-unsafe-part = { $source } would be written to /{ $path }, but its part { $part } { $problem }
path-unsafe-part-hint = rename the file, tag or id it comes from with a plain word
source-changes = the comparison of versions of { $file }
source-search-index = the search index
source-fixed = shishin's file { $path }
source-tag-of = the page of the tag “{ $tag }” ({ $file })
source-tag = the page of the tag “{ $tag }”
generated-tag-index = the list of tags shishin makes
generated-tag = a tag page shishin makes
generated-comparison = a comparison page shishin makes
generated-obligation = an obligation page shishin makes
generated-changes = a comparison of versions shishin makes
generated-glossary = the glossary page shishin makes
generated-search = the search page shishin makes
generated-search-index = the search index shishin makes
generated-not-found = the “page not found” page shishin makes
generated-data = the data downloads shishin makes (the codebook, the data package and its tables)
generated-page = a page shishin makes
## The theme (render/theme.rs)

theme-missing = the theme `{ $theme }` is missing: there is no folder { $folder }
theme-missing-hint = copy `themes/default` from the shishin repository into the site, or set `theme:` in site.yaml
theme-string-missing = the UI string `{ $key }` has no { $lang } text
theme-string-missing-hint = every UI string needs both languages
what-ui-strings = UI strings
theme-template-missing = the theme has no template { $template }
theme-template-missing-hint = every theme needs the templates listed in docs/templates.md
template-error = template error: { $why }
template-error-hint = fix the template; Tera's syntax is described at keats.github.io/tera
## YAML: front matter, site.yaml, the glossary (load/yaml.rs, load/mistakes.rs)

what-front-matter = front matter
what-site-yaml = site.yaml
what-glossary = the glossary
yaml-indented-with-tab = line { $line } is indented with a tab; YAML indents with half-width spaces only
yaml-indented-with-full-width-space = line { $line } is indented with a full-width space `　`; YAML indents with half-width spaces only
yaml-indented-hint = indent with spaces, as the lines around it are: `{ $fixed }`
yaml-full-width-colon = a full-width colon `：` is used after a key; YAML needs a half-width colon `:` and a space
yaml-full-width-comma = a full-width comma `，` separates the items in brackets; YAML needs a half-width comma `,`
write-this-hint = write `{ $fixed }`
yaml-tags-as-text = `tags` is written as one text, not as a list
yaml-tags-as-text-hint = write the tags in brackets, separated by commas: `tags: [{ $tags }]`
yaml-duplicate-key = duplicate field `{ $key }`: it is written here and on line { $line }
yaml-duplicate-key-hint = keep one of the two `{ $key }:` lines and delete the other
yaml-unclosed-on-line = { $what } is not valid YAML: the `{ $open }` on line { $line } is never closed
yaml-unclosed-here = { $what } is not valid YAML: the `{ $open }` here is never closed
yaml-unclosed-hint = close it with `{ $close }`; a text that starts with `{ $open }` needs quotes around it
yaml-unknown-key = unknown key `{ $key }` in { $what }
yaml-unknown-key-did-you-mean = did you mean `{ $suggestion }`? { $what } allows: { $allowed }
yaml-unknown-key-allowed = { $what } allows: { $allowed }
yaml-unknown-key-remove = remove it
yaml-unknown-key-extra = { $hint } (free data for templates goes under `extra:`)
yaml-unknown-value = unknown value `{ $value }` in { $what }
yaml-unknown-value-for = unknown value `{ $value }` for `{ $key }` in { $what }
yaml-unknown-value-did-you-mean = did you mean `{ $suggestion }`? Allowed: { $allowed }
yaml-unknown-value-allowed = allowed: { $allowed }
yaml-missing-key = { $what } has no `{ $key }`
yaml-missing-key-hint = add a line `{ $key }: …`
yaml-wrong-form = `{ $key }` should be { $expected }, not { $found }
yaml-invalid-type = { $why } in { $what }
yaml-check-form-hint = check the value's form: text, a number, a list (- item) or a map (key: value)
yaml-invalid = { $what } is not valid YAML: { $why }
yaml-invalid-hint = check indentation and quoting; a value containing `: ` or starting with `[`, `{"{"}` or `*` needs quotes
form-whole-number = a whole number, like `10`
form-boolean = `true` or `false`
form-list = a list, like `[a, b]`
form-text = text
form-map = a map (key: value)
yaml-write-boolean-hint = write `{ $key }: true` or `{ $key }: false`
yaml-write-number-hint = write the number in digits, like `{ $key }: 10`
yaml-write-list-hint = write a list in brackets, like `{ $key }: [a, b]`
value-a-list = a list
value-a-map = a map
value-empty = empty
## Reading the content (load/)

cannot-read = cannot read { $path }: { $why }
cannot-read-hint = check that the file exists and that you may read it
file-vanished = { $path } disappeared while the site was being built
file-vanished-hint = it was deleted, moved or renamed during the build: build again once the files are in place
file-changed = { $path } was changed while the site was being built
file-changed-hint = it was saved again after it was read, so its page could mix the old and the new text. Nothing was published; the site stays as it was. Build again once the file is saved.
shift-jis = { $path } is encoded as Shift_JIS; it was read as such
shift-jis-hint = save it as UTF-8 (most editors: “Save with encoding” → UTF-8) so every tool reads it the same way
undecodable = { $path }:{ $line }: the file is neither UTF-8 nor Shift_JIS (undecodable bytes at byte { $byte })
undecodable-hint = save the file as UTF-8
no-content-folder = there is no content folder at { $path }
no-content-folder-hint = create `content/` with an `_index.md` home page, or pass `--root` with the site's folder
link-loops = a symbolic link loops back to a folder above it
link-loops-hint = remove the link or make it point somewhere else
not-a-regular-file = it is not a regular file
not-a-regular-file-hint = content may hold only files and folders: remove it or replace it with a file
not-a-slug = { $path }: file and folder names should be ASCII slugs
not-a-slug-hint = rename it with lowercase letters, digits and hyphens (e.g. `chiba-plan.md`), or set `slug:`
link-outside-site = this symbolic link leads to { $target }, outside the site folder
link-outside-site-hint = a link would publish a file from elsewhere on this computer: copy the file into the site folder instead, or remove the link
windows-file-name = Windows servers cannot hold the file name `{ $name }`: it { $problem }
windows-file-name-hint = rename the file, for example to `{ $safe }`, so the site can be copied to any server
windows-folder-name = Windows servers cannot hold the folder name `{ $name }`: it { $problem }
windows-folder-name-hint = rename the folder, for example to `{ $safe }`, so the site can be copied to any server
## site.yaml (load/config.rs)

no-site-yaml = there is no site.yaml in { $path }: it is not a site's folder
no-site-folder = the site's folder { $path } does not exist
not-a-site-hint = run shishin in the site's folder (the one that holds site.yaml and content/), or name that folder with `--root DIR`
base-url-not-absolute = `base_url` `{ $url }` is not an absolute URL
url-not-absolute = `{ $url }` is not an absolute URL
url-in-full-hint = write it in full, like `https://www.pref.example.lg.jp/zaitaku/`
value-is-unsafe = { $what } { $problem }
site-address-hint = write the site's web address, like `https://www.pref.example.lg.jp/zaitaku/`
default-language-not-ja = `default_language` is `{ $lang }`, but shishin sites are Japanese first
default-language-not-ja-hint = write `default_language: ja` or leave it out
unknown-language = unknown language `{ $lang }` in `languages`
unknown-language-hint = shishin publishes Japanese (`ja`) and English (`en`)
match-threshold-out-of-range = `match_threshold` is { $threshold }, outside 0–1
match-threshold-out-of-range-hint = a similarity between 0 and 1; the default is 0.6
set-and-comparison = `{ $id }` names both an obligation set and a comparison
set-and-comparison-hint = both are published at /compare/ID/: give the comparison another id
undeclared-fact = comparison `{ $id }` uses the undeclared fact `{ $fact }`
undeclared-fact-did-you-mean = did you mean `{ $suggestion }`? Declare facts under `facts:`
undeclared-fact-hint = declare it under `facts:` with its labels and type
## The glossary (load/glossary.rs)

glossary-bad-id = the glossary id `{ $id }` is not a plain ASCII id
glossary-bad-id-hint = use lowercase letters, digits and hyphens, e.g. `id: home-nursing`
glossary-duplicate-id = the glossary has two entries with the id `{ $id }`
glossary-duplicate-id-hint = give one of them its own `id:`
glossary-empty-field = the glossary entry `{ $id }` has an empty `{ $field }`
glossary-empty-field-hint = write the term and its definition in both languages
glossary-form-twice = `{ $form }` names two glossary entries (`{ $first }` and `{ $second }`)
glossary-form-twice-hint = a word can link to one entry only: remove it from one of them
glossary-not-indexed = the glossary cannot be indexed: { $why }
## Front matter (load/frontmatter.rs)

page-file-empty = the file is empty: every page needs at least a title
page-without-front-matter = the file does not start with front matter: every page needs at least a title
page-without-front-matter-hint = start the file with three lines: `---`, `title: …`, `---`
front-matter-not-closed = the front matter is not closed
front-matter-not-closed-hint = add a line `---` after the last front matter line, before the text
title-empty = the title is empty
title-empty-hint = write the page's title after `title:`
prefecture-hint = write the prefecture as its name (千葉県), romaji (chiba) or JIS code (12)
not-a-date = `{ $key }` is not a date: { $why }
not-a-date-hint = write `2023-03-31`, `令和5年3月31日`, `R5.3.31` or a fiscal year such as `令和5年度`
unknown-fact = unknown fact `{ $key }`
unknown-fact-did-you-mean = did you mean `{ $suggestion }`? Facts must be declared under `facts:` in site.yaml
unknown-fact-hint = declare it under `facts:` in site.yaml (labels and type), or move it to `extra:`
fact-unreadable = the fact `{ $key }` (`{ $value }`) cannot be read: { $why }
fact-unreadable-hint = write the value as the source document does, e.g. `3,000千円`, `10/10`, `3分の2`, `平成30年度から平成32年度`; if the document says it does not apply, write `該当なし`
slug-unsafe = the slug { $slug } { $problem }
slug-unsafe-hint = the slug becomes the last part of the page's address: write a word in lowercase letters, digits and hyphens, like `chiba-plan`
slug-not-ascii = the slug `{ $slug }` is not an ASCII slug
slug-not-ascii-hint = use lowercase letters, digits and hyphens, like `chiba-plan`
extra-key = `{ $key }` under `extra:`
supersedes-not-a-path = `supersedes` must name the older page by its source file, not { $written }
supersedes-not-a-path-hint = write the path below content/ with `@/`, like `supersedes: "@/prefectures/chiba/plan-draft.md"`
keyed = `{ $key }`: { $message }
tag-unsafe = the tag { $tag } { $problem }
tag-unsafe-hint = each tag gets its own page at `tags/<tag>/`: write a word, like `在宅医療`, not empty, not `.` or `..`, without `/` or `\`
## Answers of the preview server (serve/http.rs, serve/host.rs)

http-no-error = the last rebuild succeeded
http-bad-path = refused: the path leaves the site or is malformed
http-not-found = not found
refused-no-host = A request that named no host
refused-name = A request for the name “{ $name }”
refused-malformed-name = A request for a malformed name
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]

cache-ignored = note: the render cache { $dir } was not used ({ $why }): every page was rendered again, and the cache was made anew
cache-ignored-damaged = it is damaged or not a cache
cache-ignored-format = it was saved in another format
cache-ignored-binary = it was made by another version of shishin
cache-ignored-site = it was made for another site folder
cache-damaged-search = the render cache changed while the build read it back, so the search index could not be made. The cache has been removed: build again. Nothing was published; the site stays as it was.
help-i18n-status-diff = Show what changed in the Japanese original of this translation since it was stamped.
## Facts of pages and comparisons (load/config.rs, load/facts.rs)

fact-code-without-values = the fact `{ $id }` is `type: code` but lists no codes under `values:`
fact-code-without-values-hint =
    list the codes it may take, each with its labels, e.g.
    {"  "}{ $id }:
        type: code
        values:
          municipality: {"{"} ja: 市町村, en: Municipalities {"}"}
fact-values-not-code = the fact `{ $id }` lists `values:` but its type is `{ $kind }`
fact-values-not-code-hint = only `type: code` facts take a list of codes: write `type: code`, or remove `values:`
fact-multiple-not-code = the fact `{ $id }` says `multiple: true` but its type is `{ $kind }`
fact-multiple-not-code-hint = `multiple: true` lets a `type: code` fact take several codes; for other types remove it (a `list` fact already holds several items)
fact-code-incomplete = the code `{ $code }` of the fact `{ $id }` needs an id and both labels
fact-code-incomplete-hint = write each code as `id: {"{"} ja: 日本語の表示, en: English label {"}"}`
obligation-fact-in-comparison = comparison `{ $id }` lists `{ $fact }`, which is given per obligation (`scope: obligation`)
obligation-fact-in-comparison-hint = per-obligation facts appear on the obligation comparison (/compare/SET/) by themselves: remove `{ $fact }` from this comparison
fact-unknown-map-key = the fact `{ $key }` has an unknown key `{ $name }`
fact-map-keys-did-you-mean = did you mean `{ $suggestion }`? A fact's map holds `value`, `as_of`, `note`, `en` and `per`
fact-map-keys-hint = a fact's map holds `value`, `as_of`, `note`, `en` and `per`
fact-without-value = the fact `{ $key }` has no `value`
fact-without-value-hint = write the value as the document does, e.g. `{"{"} value: 3,000千円, as_of: 令和6年度 {"}"}`; if the document says it does not apply, write `value: 該当なし`
fact-part-not-text = `{ $part }` of the fact `{ $key }` is empty or not a text
fact-part-not-text-hint = write a text or a number after the colon (a list for `list` facts); leave the fact out if the document does not give it
fact-as-of-not-a-date = `as_of` of the fact `{ $key }` (`{ $value }`) is not a date: { $why }
fact-as-of-not-a-date-hint = write when the value held, e.g. `令和6年度`, `R6.4.1` or `2024-04-01`
fact-english-not-needed = the fact `{ $key }` is of type `{ $kind }`, whose English is made by shishin
fact-english-not-needed-hint = `en:` gives the English of `text` and `list` facts; amounts, rates, periods and dates are translated from the value, codes by their labels in site.yaml
fact-per-not-amount = `per` is given for the fact `{ $key }`, which is not an amount
fact-per-not-amount-hint = `per:` says what an amount in yen is per (e.g. `per: 市町村`); remove it here
unit-without-english = the amount is per `{ $unit }`, which has no English in `units:`
unit-without-english-hint = add it to site.yaml, e.g. `units: {"{"} { $unit }: … {"}"}`, so English pages say what the amount is per
## Translations kept for `i18n status --diff` (i18n.rs)

i18n-cannot-keep = cannot keep the Japanese text of content/{ $key } in { $path }: { $why }
i18n-cannot-keep-hint = shishin keeps it there to show later what changed; check that the folder { $store } of the site may be written
i18n-diff-not-stamped =
    { $en } is not stamped: it does not say which version of { $ja } it was made from, so nothing can be compared.
    Once it follows { $ja }, run `shishin i18n stamp { $en }`; from then on this shows what changes in { $ja }.
i18n-diff-unchanged = { $ja } has not changed since { $en } was stamped: the translation is up to date.
i18n-diff-not-kept =
    { $ja } has changed since { $en } was stamped, but the Japanese text it was made from was not kept, so the change cannot be shown.
    shishin keeps that text from the next `shishin i18n stamp { $en }` on. Until then, compare { $ja } with the version the translation was made from by hand (`shishin diff OLD.md { $ja }` if you have the old file).
i18n-diff-changed = { $ja } has changed since { $en } was stamped:
i18n-diff-old-caption = { $ja } when { $en } was stamped
i18n-diff-new-caption = { $ja } now
## Internal errors (write/)

output-kept-file-changed = internal error: the output file `{ $path }` was to be kept, but it changed
output-kept-file-changed-hint = nothing was written; build again with --clean
## Pages, links, translations and versions (link/)

site-without-home = the site has no home page: content/_index.md is missing
site-without-home-hint = create content/_index.md with a title and a short text that explains the site
translation-without-original = { $path } is a translation, but its Japanese original content/{ $key } does not exist
translation-without-original-hint = add the Japanese page, or rename the file if it is not a translation
same-page-path = { $first } and { $second } both make the page /{ $path }
same-page-path-hint = rename one of the files or give one a different `slug:`
page-paths-differ-in-case = { $first } and { $second } make pages whose URLs differ only in case: /{ $first_path } and /{ $second_path }
page-paths-differ-in-case-hint = on case-insensitive file systems one would overwrite the other: rename one of the files or give one a different `slug:`
reserved-url = this page's URL /{ $path } is where shishin puts { $owner }
reserved-url-hint = /{ $folder }/ and every address below it are for { $owner } shishin makes: rename the file or folder `{ $top }`, or give the page another `slug:`
reserved-english-pages = the English pages
reserved-tag-pages = the tag pages
reserved-comparison-pages = the comparison pages
reserved-obligation-pages = the obligation pages
reserved-glossary-page = the glossary page
reserved-search-page = the search page
reserved-data-downloads = the data downloads
obligation-set-unnamed = the obligation set `{ $set }` is not named in site.yaml
obligation-set-unnamed-did-you-mean = did you mean `{ $suggestion }`? Sets are named under `obligations.sets` in site.yaml
obligation-set-unnamed-hint = name the set under `obligations.sets` in site.yaml (in Japanese and English), like `{ $set }: {"{"} ja: …, en: … {"}"}`
obligation-set-twice = the obligation set `{ $set }` is defined twice; it is already defined in { $other }
obligation-set-twice-hint = keep one canonical list per set; quote it elsewhere in a page with a `prefecture`
translation-without-obligation-list = the translation has no obligation list for `{ $set }`
translation-without-obligation-list-hint = add a heading with `{"{"}.obligations set={ $set }{"}"}` above the translated list
canonical-count-differs = { $en } lists { $count ->
    [one] 1 obligation
   *[other] { $count } obligations
} of `{ $set }`, but the Japanese { $ja } lists { $ja_count }: the canonical obligations need the same number in both languages
canonical-count-differs-hint = translate every obligation of the guideline, one item each, in the same order as the Japanese list
link-to-nothing = broken link: `{ $dest }` leads to no page or file of this site
link-to-nothing-hint = link to a page by its source file, like `@/guideline/hub.md`, or check the path
link-to-draft = `{ $dest }` links to a draft, which is left out of this build
link-to-draft-hint = publish the page (remove `draft: true`), remove the link, or build with `--drafts`
link-no-page = broken link: `{ $dest }`: there is no page content/{ $key }
link-no-page-did-you-mean = did you mean `@/{ $suggestion }`? Paths are relative to content/
link-no-page-hint = paths are relative to content/, like `@/guideline/hub.md`
link-no-anchor-on-page = broken link: `{ $dest }`: { $file } has no anchor `#{ $anchor }`
link-anchor-did-you-mean = did you mean `#{ $suggestion }`? Give the heading an explicit id with `{"{"}#{ $anchor }{"}"}`, or link to one that exists
link-anchor-no-headings = that page has no headings to link to
link-anchors-on-page = anchors on that page: { $anchors }
link-no-obligation-set = broken link: `@ob:{ $id }`: there is no canonical obligation set `{ $set }`
link-no-obligation-set-hint = obligation links look like `@ob:hub-3`; defined sets: { $sets }
link-no-obligation = broken link: `@ob:{ $id }`: the set `{ $set }` has { $count } obligations
link-no-obligation-hint = use `@ob:{ $set }-1` to `@ob:{ $set }-{ $count }`
link-outside = broken link: `{ $dest }` points outside the site
link-outside-hint = remove the extra `../`
translated-from-in-original = `translated_from` belongs in translations (`.en.md`), not in the Japanese page
remove-the-line-hint = remove the line
translation-stale = the translation is out of date: { $ja } has changed since it was translated
translation-stale-hint = update the translation, then run `shishin i18n stamp { $en }`
translation-unstamped = the translation does not say which version of the original it was made from
translation-unstamped-hint = run `shishin i18n stamp { $en }` to record it
tags-share-a-page = the tags “{ $first }” ({ $first_file }) and “{ $second }” ({ $second_file }) would share one page, /{ $path }
tags-share-a-page-hint = write the tag the same way on every page: tag pages' addresses do not tell capitals and spaces apart
item-resembles-obligation = this item matches no obligation of the guideline, but it is much like `{ $id }` ({ $percent }% alike), so the comparison counts it as the prefecture's own addition
item-resembles-obligation-hint = if it is this prefecture's version of `{ $id }`, end its first line with `{"{"}#{ $id }{"}"}`; if it is an addition of the prefecture's own, leave it as it is
translated-list-out-of-date = the translation is out of date: the list of `{ $set }` has { $ja_count ->
    [one] 1 item
   *[other] { $ja_count } items
} in { $ja }, but { $en_count } here
translated-list-lacks-items-hint = translate the Japanese items this list lacks (until then the English pages show them in Japanese), then run `shishin i18n stamp { $en }`
translated-list-follow-hint = make the English list follow the Japanese one, one item each in the same order, then run `shishin i18n stamp { $en }`
no-translated-list = the translation has no list of `{ $set }`, which { $ja } has: the English page shows that list in Japanese
no-translated-list-hint = translate the list below a heading ending in `{"{"}.obligations set={ $set }{"}"}`, then run `shishin i18n stamp { $en }`
prefecture-folder-differs = this page is in the folder of { $folder } ({ $slug }/), but its `prefecture:` says { $named }: the comparison puts it in the column of { $named }
prefecture-folder-differs-hint = if the page is about { $folder }, write `prefecture: { $slug }`; if it is about { $named }, move it to a folder named `{ $named_slug }`
prefecture-listed-twice = { $first } and this page both list `{ $set }` for { $prefecture }, and neither replaces the other: the comparison shows the items of both in { $prefecture }'s column
prefecture-listed-twice-hint = if this page is a newer version of the other, add `supersedes: "@/{ $key }"` to its front matter; if one of them is about another prefecture, correct its `prefecture:`
stamp-not-utf8 = { $path } is not UTF-8; it cannot be stamped in place
stamp-not-utf8-hint = save it as UTF-8 first
stamp-without-front-matter = { $path } has no front matter to stamp
stamp-without-front-matter-hint = start the file with `---`, `title: …`, `---`
cannot-write = cannot write { $path }: { $why }
translation-supersedes-differs = a translation has the versions of its Japanese page: this `supersedes:` differs from the Japanese page's
translation-supersedes-differs-hint = remove the line: the translation inherits `supersedes:` from { $ja }
supersedes-draft = `supersedes:` names content/{ $key }, a draft, which is left out of this build
supersedes-draft-hint = publish the older page (remove `draft: true`), or build with `--drafts`
supersedes-missing = `supersedes:` names content/{ $key }, which does not exist
supersedes-missing-hint = name the older page by its file below content/, like `@/prefectures/chiba/plan-draft.md`
versions-cycle = the versions go round in a circle: { $chain }
versions-cycle-step = {" supersedes "}
versions-cycle-hint = a page supersedes an older version only: remove `supersedes:` from the page that is the oldest
changes-url-taken = this page's URL /{ $path } is where shishin puts the comparison of versions of { $file }
changes-url-taken-hint = rename the file, or give the page another `slug:`
already-superseded = content/{ $key } is already superseded by { $other }: a version has one newer version
already-superseded-hint = make the newer of the two pages supersede the other one instead, for a chain like old → newer → newest
## Comparison tables (compare/)

item-fact-unreadable = `{ $label }` under this obligation item (the fact `{ $key }`) cannot be read from `{ $value }`: { $why }
item-fact-unreadable-hint = write the value as the document does (e.g. `1拠点あたり1,060千円`, `ア、オ`), or `該当なし` where the document says it does not apply
item-fact-twice = `{ $label }` (the fact `{ $key }`) is given twice under this obligation item
item-fact-twice-hint = give each fact once per item; put further explanation in brackets after the value
set-without-guideline = no national guideline page defines the set `{ $set }`, so this list is not compared
set-without-guideline-hint = add the canonical list to a page with `kind: guideline` under a heading `{"{"}.obligations set={ $set }{"}"}`
item-matches-two = this item matches `{ $first }` and `{ $second }` almost equally
item-matches-two-hint = mark it explicitly: end its first line with `{"{"}#{ $first }{"}"}`
slip-on-verbatim = this item is marked `.slip`, but its wording is the same as `{ $id }`
slip-on-verbatim-hint = `.slip` marks a difference that looks like a typo in the source document; remove it here
marker-names-nothing = the marker `{"{"}#{ $marker }{"}"}` names no obligation of the set `{ $set }`
marker-names-nothing-hint = the set `{ $set }` has `{ $set }-1` to `{ $set }-{ $count }`
## Markdown: obligation lists and unsafe addresses (markdown/)

obligations-heading-without-set = an obligations heading has no `set`
obligations-heading-without-set-hint = name the set, e.g. `{"{"}.obligations set=hub{"}"}`
obligations-heading-without-list = an obligations heading is not followed by a list
obligations-heading-without-list-hint = put the list of 求められる事項 right below the heading
not-an-obligation-id = `#{ $id }` is not an obligation id
not-an-obligation-id-hint = a marker names obligations like `{"{"}#hub-3{"}"}` or `{"{"}#hub-3 #hub-4{"}"}`
marker-without-obligation = the marker `{"{"}{ $body }{"}"}` names no obligation
marker-without-obligation-hint = `.slip` and `note="…"` go with the id of the obligation they are about: write e.g. `{"{"}#hub-1 .slip note="資料の誤記と思われる"{"}"}`
what-link-definition-address = the address of the link definition
what-link-address = the address of the link
what-image-address = the address of the image
## Rendering (render/)

changes-without-older = internal error: { $path } supersedes no page: it has no changes page
template-context-failed = internal error: the values for the templates could not be prepared: { $why }
## Reading dates, prefectures and fact values (guidance/)

date-expected = expected a date such as `2023-03-31`, `令和5年3月31日`, `R5.3.31` or a fiscal year such as `令和5年度`
date-year-alone = a year alone is not a date; add the month and day (`令和5年3月31日`) or write a fiscal year (`令和5年度`)
fiscal-year-expected = expected a fiscal year such as `令和6年度`, `R6`, `2024年度` or `FY2024`
fiscal-year-without-weekday = a fiscal year has no day of the week
calendar-year-not-fiscal = `{ $text }` is a calendar year; write `{ $text }度` for the fiscal year
date-unexpected-after-date = unexpected `{ $rest }` after the date
date-unexpected-after-year = unexpected `{ $rest }` after the year
date-year-missing = the year is missing from `{ $text }`; write it with the year, e.g. `令和6年{ $month }月{ $day }日`
era-ended = { $era } ended on { $last_day }: `{ $written }` is { $same_day }
era-year-zero = era year 0 does not exist; an era starts at year 1 (元年)
era-year-out-of-range = era year { $year } is out of range (1–{ $max })
gannen-without-era = 元年 needs an era name before it, e.g. `令和元年`
unknown-era-letter = unknown era letter `{ $prefix }`; expected M, T, S, H or R
unknown-era = unknown era `{ $prefix }`; expected 明治, 大正, 昭和, 平成 or 令和 (or M, T, S, H, R)
year-out-of-range = year { $year } is out of range ({ $lo }–{ $hi }); write the full year, e.g. 2023
month-kanji-expected = expected 月 after the month, e.g. `3月31日`
month-alone = a month alone is not a date; add the day, e.g. `3月31日`
day-separator-expected = expected a separator and a day after the month, e.g. `2023-03-31`
date-number-expected = expected a { $what } number
date-number-too-large = { $what } `{ $digits }` is too large
date-part-year = year
date-part-month = month
date-part-day = day
month-out-of-range = month { $month } is out of range (1–12)
day-out-of-range = day { $day } is out of range (1–31)
day-not-in-month = { $date } is not a valid day ({ $month } has { $days } days)
weekday-differs = { $date } was a { $actual }, not { $written }
prefecture-expected = expected a prefecture name (千葉県), romaji (chiba) or JIS code (01–47)
prefecture-code-out-of-range = prefecture code { $code } is out of range (01–47)
unknown-prefecture-did-you-mean = unknown prefecture `{ $key }`; did you mean `{ $name }` ({ $slug }, { $code })?
unknown-prefecture = unknown prefecture `{ $key }`; expected a name (千葉県), romaji (chiba) or JIS code (01–47)
code-expected = expected one of { $codes }, got nothing
code-one-expected = expected one code, got { $count }; add `multiple: true` to the fact in site.yaml if several apply
code-unknown-did-you-mean = `{ $word }` is not one of the declared codes; did you mean `{ $id }` ({ $label })? The codes are { $codes }
code-unknown = `{ $word }` is not one of the declared codes: { $codes }
code-read-by-choices = a coded fact is read against its declared values (parse_code)
fiscal-years-expected = expected fiscal years such as `令和6年度〜令和8年度` or `2024年度`, or a duration such as `3年間`
fiscal-years-two-ends = expected fiscal years such as `令和6年度〜令和8年度` or `2024年度`, or a duration such as `3年間`; a range has two ends
fiscal-years-backwards = the fiscal years run backwards (FY{ $from } to FY{ $to })
duration-not-a-number = expected fiscal years such as `令和6年度〜令和8年度` or `2024年度`, or a duration such as `3年間`; `{ $years }年間` is not a number of years
duration-zero = a duration must be at least 1 year
duration-too-large = the duration { $years }年間 is too large
rate-expected = expected a rate such as `10/10`, `3分の2` or `定額`, or a schedule such as `初年度：定額、2年目：3分の2`
rate-numerator-too-large = the rate's numerator { $num } is too large
rate-denominator-too-large = the rate's denominator { $den } is too large
rate-denominator-zero = a rate's denominator cannot be 0
rate-over-whole = the rate { $num }/{ $den } is more than 10/10
rate-after-label-expected = expected a rate such as `3分の2` or `定額` after `{ $label }`, got `{ $rate }`
text-expected = expected some text, got nothing
list-expected = expected a list of items separated by `、` or on separate lines
yen-expected = expected an amount in yen such as `3,000千円`, `5万円` or `1,500,000円`
yen-several = several amounts ({ $first } and { $second }); expected one amount in yen
yen-too-large = the amount is too large
yen-not-whole = the amount is not a whole number of yen
allow-host-not-a-host = `{ $value }` is not a host name; give only the name or address, without http:// or a path, for example `--allow-host mypc.local` or `--allow-host 192.168.1.5`
