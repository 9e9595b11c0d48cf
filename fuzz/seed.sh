#!/bin/sh
# Fills fuzz/corpus/<target>/ with starting inputs from the shipped content and the source
# documents in ../shared/seeds (when present). Run from the repository root.
set -eu
seeds=${SEEDS:-../shared/seeds}
out=fuzz/corpus
mkdir -p "$out/page" "$out/markdown" "$out/obligations" "$out/facts" "$out/versions"
n=0
for f in $(find content -name '*.md' | sort); do
  n=$((n + 1))
  cp "$f" "$out/page/content-$n"
  # The body: everything after the closing `---` of the front matter.
  awk 'seen >= 2 { print } /^---$/ { seen++ }' "$f" > "$out/markdown/content-$n"
  # Fact values, once per fact type (the first byte picks the type).
  grep -E '^  [a-z_]+: ' "$f" | sed 's/^  [a-z_]*: //' | while IFS= read -r value; do
    for t in 0 1 2 3; do
      h=$(printf '%s' "$t$value" | cksum | cut -d' ' -f1)
      printf "\\00$t%s" "$value" > "$out/facts/fact-$h"
    done
  done
done
for d in 令和5年3月31日 R5.3.31 平成30年度 '2024年度' FY2024 '令和元年5月1日（水）' 千葉県 '12' chiba; do
  h=$(printf '%s' "$d" | cksum | cut -d' ' -f1)
  printf '\003%s' "$d" > "$out/facts/date-$h"
done
if [ -d "$seeds" ]; then
  for f in "$seeds"/*.txt; do
    b=$(basename "$f" .txt)
    split -C 4000 "$f" "$out/markdown/seed-$b-"
    # Three neighbouring lines: an item and the canonical texts it is matched against.
    awk -v dir="$out/obligations" -v b="$b" 'length($0) > 8 { l[++n] = $0 }
      END { for (i = 1; i + 2 <= n; i += 3) printf "%s\0%s\0%s", l[i], l[i+1], l[i+2] > (dir "/" b "-" i) }' "$f"
  done
fi
# Versions: the Chiba draft and adopted wording, and each content page against the next one.
{ cat tests/fixtures/versions/chiba-draft.md; printf '\0'; cat tests/fixtures/versions/chiba-adopted.md; } > "$out/versions/chiba"
prev=
for f in $(find content -name '*.md' | sort); do
  if [ -n "$prev" ]; then
    h=$(printf '%s' "$prev$f" | cksum | cut -d' ' -f1)
    { cat "$prev"; printf '\0'; cat "$f"; } > "$out/versions/pages-$h"
  fi
  prev=$f
done
for t in page markdown obligations facts versions; do
  echo "$t: $(ls "$out/$t" | wc -l) inputs"
done
