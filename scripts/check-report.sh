#!/usr/bin/env bash
# The HTML report in a real browser, end to end (not part of `swift test`, which needs no browser):
# runs the sample pipeline and a generated batch of 1,200 documents, opens every report page in headless
# Chromium, and checks that the explorer's script ran under the page's Content-Security-Policy, that the
# browser logged no policy violation, and that a filter carried in the link filters.
#
#   scripts/check-report.sh [path/to/lede]        # default .build/debug/lede; needs python3 and chromium
set -euo pipefail
cd "$(dirname "$0")/.."
lede=${1:-.build/debug/lede}
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chromium" ] || { echo "check-report: no chromium found" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints the DOM after scripts ran; the browser's console (policy violations included) goes to $work/console.
dom() {
    "$chromium" --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom "$1" 2>"$work/console"
}

failed=0
check_page() {
    local url=$1 expect=$2 out bad=0
    out=$(dom "$url")
    if ! grep -q 'data-explorer="ready"' <<<"$out"; then echo "FAIL $url: the explorer did not run"; bad=1; fi
    if grep -qi 'Content Security Policy' "$work/console"; then
        echo "FAIL $url: policy violation:"; grep -i 'Content Security Policy' "$work/console" | head -3; bad=1
    fi
    if [ -n "$expect" ] && ! grep -q -- "$expect" <<<"$out"; then echo "FAIL $url: no '$expect' in the DOM"; bad=1; fi
    if [ $bad = 0 ]; then echo "ok   $url"; else failed=1; fi
}

# The sample corpus: one page.
sed -e "s#output: ../out#output: $work/samples#" -e "s#\.\./Samples#$PWD/Samples#" -e "s#gazetteers/#$PWD/Pipelines/gazetteers/#" \
    Pipelines/news.yaml > "$work/news.yaml"
"$lede" run "$work/news.yaml" --quiet --no-journal || [ $? -eq 1 ]
check_page "file://$work/samples/report.html" '9 documents</p>'
check_page "file://$work/samples/report.html?f=s::Hwang%20Eun-ji" 'documents match'

# 1,200 documents on pages of 500: three pages, each explored on its own, the overview over all.
python3 - "$work/in.jsonl" <<'EOF'
import glob, json, sys
texts = [open(f).read() for f in sorted(glob.glob("Samples/*.txt"))]
with open(sys.argv[1], "w") as f:
    for i in range(1200):
        f.write(json.dumps({"id": "doc%04d" % i, "text": texts[i % len(texts)]}) + "\n")
EOF
sed -e "s#paths: \[.*\]#paths: [$work/in.jsonl]#" -e 's/format: text/format: jsonl/' -e "s#^output: .*#output: $work/big#" \
    "$work/news.yaml" > "$work/big.yaml"
"$lede" run "$work/big.yaml" --quiet --no-journal || [ $? -eq 1 ]
check_page "file://$work/big/report.html" '1200 documents'
check_page "file://$work/big/report.html?q=seals&f=r::caption" 'No document matches'
check_page "file://$work/big/report-2.html#doc-700" 'id="doc-700"'
check_page "file://$work/big/report-3.html" 'Documents 1001–1200'
exit $failed
