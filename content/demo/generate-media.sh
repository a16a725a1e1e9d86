#!/usr/bin/env bash
# Lantai (兰台) demo pack: deterministically generate every image, poster and video that
# content/demo/pack.json references, and copy pack.json, the quiz bank and the subtitles, so
# that OUTDIR becomes a complete pack. Over 500 lines: one recipe per demo image (each a drawn
# document, photo or object with its own text), kept in one script so the demo builds offline
# from this file alone.
#
#   usage: generate-media.sh OUTDIR
#
# Only Debian tools: vips (libvips-tools, with librsvg and pango: SVG + text), ffmpeg (libx264,
# aac), the Noto CJK fonts (fonts-noto-cjk), coreutils, awk. Every image is an SVG drawing laid
# over a seeded noise "paper grain", so the output is the same on every run. Everything shown is
# SAMPLE content (示例样张): no real document, person, place or event.
#
# Rebuilds are fast: a file that already exists is kept as long as the stamp file
# "OUTDIR.media-stamp" (beside OUTDIR, so the pack itself stays clean) names this generator
# version; editing this script changes the version and regenerates everything.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

GEN_VERSION=1
SELF=$(readlink -f "${BASH_SOURCE[0]}")
SRC=$(dirname "$SELF")
SERIF="Noto Serif CJK SC"
SANS="Noto Sans CJK SC"
FONT_FILES=(/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
            /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc
            /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
            /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc)
INK="#1d2436"       # blue-black "handwriting" ink
BLACK="#231d17"     # printing ink
RED="#b8241c"       # seal red
GOLD="#b8862b"

die() { echo "generate-media.sh: error: $*" >&2; exit 1; }

# --- the media this script makes: path|template|code|page ---------------------------------
# (must match the images of content/demo/pack.json; tests/schema/check_schema.py checks that
# every file pack.json references exists after generation)
MANIFEST="
images/cover.jpg|cover|0-00|1
images/ch1/1-01-letter-1.jpg|letter|1-01|1
images/ch1/1-01-letter-2.jpg|letter|1-01|2
images/ch1/1-01-letter-3.jpg|envelope|1-01|3
images/ch1/1-02-manuscript-1.jpg|manuscript|1-02|1
images/ch1/1-02-manuscript-2.jpg|manuscript|1-02|2
images/ch1/1-03-newspaper.jpg|newspaper|1-03|1
images/ch1/1-04-photo.jpg|photo|1-04|1
images/ch1/1-05-certificate-1.jpg|certificate|1-05|1
images/ch1/1-05-certificate-2.jpg|back|1-05|2
images/ch1/1-06-notebook-1.jpg|notebook_cover|1-06|1
images/ch1/1-06-notebook-2.jpg|lined|1-06|2
images/ch1/1-07-notice.jpg|notice|1-07|1
images/ch1/1-08-postcard-1.jpg|postcard_front|1-08|1
images/ch1/1-08-postcard-2.jpg|postcard_back|1-08|2
images/ch1/1-09-bignews.jpg|bignews|1-09|1
images/ch2/2-01-diary-1.jpg|lined|2-01|1
images/ch2/2-01-diary-2.jpg|lined|2-01|2
images/ch2/2-02-telegram.jpg|telegram|2-02|1
images/ch2/2-03-form.jpg|form|2-03|1
images/ch2/2-04-ledger-1.jpg|ledger|2-04|1
images/ch2/2-04-ledger-2.jpg|ledger|2-04|2
images/ch2/2-05-photo.jpg|photo|2-05|1
images/ch2/2-06-letter.jpg|letter|2-06|1
images/ch2/2-07-poster.jpg|poster|2-07|1
images/ch2/2-08-ticket.jpg|ticket|2-08|1
images/ch2/2-09-award.jpg|award|2-09|1
images/ch3/3-01-telegram.jpg|telegram|3-01|1
images/ch3/3-02-bigmap.jpg|bigmap|3-02|1
images/ch3/3-03-manuscript.jpg|manuscript|3-03|1
images/ch3/3-04-notice.jpg|notice|3-04|1
images/ch3/3-05-photo-1.jpg|photo|3-05|1
images/ch3/3-05-photo-2.jpg|back|3-05|2
images/ch3/3-06-diary.jpg|lined|3-06|1
images/ch3/3-07-map.jpg|map|3-07|1
images/ch3/3-08-newspaper.jpg|newspaper|3-08|1
images/ch4/4-01-letter-1.jpg|letter|4-01|1
images/ch4/4-01-letter-2.jpg|letter|4-01|2
images/ch4/4-02-ticket.jpg|ticket|4-02|1
images/ch4/4-03-ledger.jpg|ledger|4-03|1
images/ch4/4-04-certificate.jpg|certificate|4-04|1
images/ch4/4-05-photo.jpg|photo|4-05|1
images/ch4/4-06-form.jpg|form|4-06|1
images/ch4/4-07-poster.jpg|poster|4-07|1
images/ch4/4-08-postcard-1.jpg|postcard_front|4-08|1
images/ch4/4-08-postcard-2.jpg|postcard_back|4-08|2
images/ch5/5-01-manuscript-1.jpg|manuscript|5-01|1
images/ch5/5-01-manuscript-2.jpg|manuscript|5-01|2
images/ch5/5-02-award.jpg|award|5-02|1
images/ch5/5-03-photo.jpg|photo|5-03|1
images/ch5/5-04-newspaper.jpg|newspaper|5-04|1
images/ch5/5-05-diary.jpg|lined|5-05|1
images/ch5/5-06-notebook-1.jpg|notebook_cover|5-06|1
images/ch5/5-06-notebook-2.jpg|lined|5-06|2
images/ch5/5-07-certificate.jpg|certificate|5-07|1
images/ch5/5-08-ticket.jpg|ticket|5-08|1
images/ch5/5-09-letter.jpg|letter|5-09|1
videos/reading-archives-01.mp4|video1|v-01|1
videos/reading-archives-02.mp4|video2|v-02|1
"
# the posters are made by the video jobs
POSTERS="videos/reading-archives-01-poster.jpg videos/reading-archives-02-poster.jpg"

# ===========================================================================================
# SVG building blocks. Every element is printed as "Y0 Y1<TAB>svg" (its vertical extent) so
# that the very large scans can be rendered in horizontal strips (librsvg walks the whole
# document for every tile it draws; strips keep that cheap). "- -" marks an element that goes
# into every strip (definitions, full-page shapes).
# ===========================================================================================

# deterministic pseudo-random numbers (Park-Miller): rs SEED; rn N -> R in [0, N)
RS=1
rs() { RS=$(( ($1 % 2147483646) + 1 )); }
rn() { RS=$(( RS * 16807 % 2147483647 )); R=$(( RS % $1 )); }

G() { printf -- '- -\t%s\n' "$1"; }
E() { printf '%d %d\t%s\n' "$1" "$2" "$3"; }
# tx X Y SIZE FILL FAMILY WEIGHT ANCHOR TEXT [EXTRA-ATTRIBUTES]
tx() {
  printf '%d %d\t<text x="%s" y="%s" font-size="%s" fill="%s" font-family="%s" font-weight="%s" text-anchor="%s"%s>%s</text>\n' \
    $(( $2 - $3 )) $(( $2 + $3 / 2 )) "$1" "$2" "$3" "$4" "$5" "$6" "$7" "${9:+ $9}" "$8"
}
# vertical text, one character per element: vcol X YTOP SIZE STEP FILL TEXT [JITTER]
vcol() {
  local x=$1 y=$2 s=$3 st=$4 c=$5 str=$6 j=${7:-0} i ch dx
  for (( i = 0; i < ${#str}; i++ )); do
    ch=${str:i:1}
    [[ $ch == " " || $ch == "　" ]] && continue
    dx=0; if (( j > 0 )); then rn $(( 2 * j + 1 )); dx=$(( R - j )); fi
    tx $(( x + dx )) $(( y + i * st + s * 88 / 100 )) "$s" "$c" "$SERIF" normal middle "$ch"
  done
}
rect() { # X Y W H ATTRS
  E "$2" $(( $2 + $4 )) "<rect x=\"$1\" y=\"$2\" width=\"$3\" height=\"$4\" $5/>"
}
hline() { # X1 X2 Y ATTRS
  E $(( $3 - 4 )) $(( $3 + 4 )) "<line x1=\"$1\" y1=\"$3\" x2=\"$2\" y2=\"$3\" $4/>"
}
vline() { # X Y1 Y2 ATTRS
  E "$2" "$3" "<line x1=\"$1\" y1=\"$2\" x2=\"$1\" y2=\"$3\" $4/>"
}

# placeholder text (all of it says that it is sample text)
POOL="此处为示例文字仅用于演示档案展示效果本样张由程序自动生成不记录任何真实事件请在真实展览中替换为馆藏档案图像展项图像支持缩放拖动与多页浏览样张中的名称地点日期均为占位符示例档案馆示例全宗示例案卷示例文件档案是历史的记录请爱护档案国际档案日示例展兰台展示终端演示内容"
POOLP="此处为示例文字，仅用于演示档案展示效果。本样张由程序自动生成，不记录任何真实事件。请在真实展览中替换为馆藏档案图像。展项图像支持缩放、拖动与多页浏览。样张中的名称、地点、日期均为占位符。示例档案馆，示例全宗，示例案卷，示例文件。档案是历史的记录，请爱护档案。国际档案日示例展，兰台展示终端演示内容。"
POOL2=$POOL$POOL
POOLP2=$POOLP$POOLP
# sample N [punct] -> L: N characters of placeholder text from a random offset
sample() {
  if [[ ${2:-} == p ]]; then rn ${#POOLP}; L=${POOLP2:R:$(( $1 + 1 ))}; L=${L#[，。、]}; L=${L:0:$1}; else rn ${#POOL}; L=${POOL2:R:$1}; fi
}

# paper: background colour (translucent over the grey grain), stains, foxing, vignette
paper_begin() { # W H COLOUR [OPACITY]
  G '<defs><radialGradient id="vig" cx="50%" cy="50%" r="72%"><stop offset="55%" stop-color="#7a5a30" stop-opacity="0"/><stop offset="100%" stop-color="#5a3d18" stop-opacity="0.36"/></radialGradient><radialGradient id="stain"><stop offset="0%" stop-color="#8a6535" stop-opacity="0.14"/><stop offset="75%" stop-color="#8a6535" stop-opacity="0.07"/><stop offset="100%" stop-color="#8a6535" stop-opacity="0"/></radialGradient><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0%" stop-color="#eadbb8"/><stop offset="100%" stop-color="#b99b6c"/></linearGradient><radialGradient id="pvig" cx="50%" cy="50%" r="70%"><stop offset="60%" stop-color="#2a1c0c" stop-opacity="0"/><stop offset="100%" stop-color="#2a1c0c" stop-opacity="0.45"/></radialGradient></defs>'
  G "<rect width=\"$1\" height=\"$2\" fill=\"$3\" fill-opacity=\"${4:-0.9}\"/>"
}
paper_end() { # W H
  local w=$1 h=$2 k cx cy rx ry n
  n=$(( w * h / 2000000 + 4 )); (( n > 40 )) && n=40
  for (( k = 0; k < n; k++ )); do
    rn "$w"; cx=$R; rn "$h"; cy=$R; rn $(( w / 6 )); rx=$(( R + w / 30 )); rn $(( w / 6 )); ry=$(( R + w / 30 ))
    E $(( cy - ry )) $(( cy + ry )) "<ellipse cx=\"$cx\" cy=\"$cy\" rx=\"$rx\" ry=\"$ry\" fill=\"url(#stain)\"/>"
  done
  n=$(( w * h / 250000 + 10 )); (( n > 300 )) && n=300
  for (( k = 0; k < n; k++ )); do
    rn "$w"; cx=$R; rn "$h"; cy=$R; rn 9; rx=$(( R + 2 ))
    E $(( cy - rx )) $(( cy + rx )) "<circle cx=\"$cx\" cy=\"$cy\" r=\"$rx\" fill=\"#7b5228\" fill-opacity=\"0.22\"/>"
  done
  G "<rect width=\"$w\" height=\"$h\" fill=\"url(#vig)\"/>"
}
# big faint diagonal watermark
watermark() { # W H [COLOUR]
  local s=$(( $2 / 7 ))
  G "<text transform=\"translate($(( $1 / 2 )),$(( $2 / 2 + s / 3 ))) rotate(-28)\" font-size=\"$s\" font-family=\"$SANS\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"${3:-$RED}\" fill-opacity=\"0.075\">示例 SAMPLE</text>"
}
# round red "示例 SAMPLE" stamp
stamp() { # CX CY R ROT [COLOUR]
  local x=$1 y=$2 r=$3 c=${5:-$RED}
  E $(( y - r )) $(( y + r )) "<g transform=\"translate($x,$y) rotate($4)\" opacity=\"0.82\"><circle r=\"$r\" fill=\"none\" stroke=\"$c\" stroke-width=\"$(( r / 13 ))\"/><circle r=\"$(( r * 86 / 100 ))\" fill=\"none\" stroke=\"$c\" stroke-width=\"$(( r / 40 + 1 ))\"/><text y=\"$(( r * 8 / 100 ))\" font-family=\"$SERIF\" font-weight=\"bold\" font-size=\"$(( r * 60 / 100 ))\" text-anchor=\"middle\" fill=\"$c\">示例</text><text y=\"$(( r * 50 / 100 ))\" font-family=\"$SANS\" font-weight=\"bold\" font-size=\"$(( r * 23 / 100 ))\" text-anchor=\"middle\" fill=\"$c\">SAMPLE</text><text y=\"$(( -r * 45 / 100 ))\" font-family=\"$SANS\" font-size=\"$(( r * 15 / 100 ))\" text-anchor=\"middle\" fill=\"$c\">兰台演示</text></g>"
}
# square seal reading 示例之印
seal_sq() { # CX CY SIZE ROT
  local x=$1 y=$2 s=$3 h=$(( $3 / 2 )) f=$(( $3 * 40 / 100 ))
  E $(( y - s )) $(( y + s )) "<g transform=\"translate($x,$y) rotate($4)\" opacity=\"0.8\" fill=\"$RED\"><rect x=\"-$h\" y=\"-$h\" width=\"$s\" height=\"$s\" fill=\"none\" stroke=\"$RED\" stroke-width=\"$(( s / 16 ))\"/><g font-family=\"$SERIF\" font-weight=\"bold\" font-size=\"$f\" text-anchor=\"middle\"><text x=\"$(( s / 5 ))\" y=\"-$(( s / 14 ))\">示</text><text x=\"$(( s / 5 ))\" y=\"$(( s * 36 / 100 ))\">例</text><text x=\"-$(( s / 5 ))\" y=\"-$(( s / 14 ))\">之</text><text x=\"-$(( s / 5 ))\" y=\"$(( s * 36 / 100 ))\">印</text></g></g>"
}
footer() { # W H CODE PAGE [COLOUR]
  local s=$(( $2 / 90 ))
  tx $(( $1 / 2 )) $(( $2 - s )) "$s" "${5:-#6b5a45}" "$SANS" normal middle "兰台演示包 · 示例样张 · Lantai demo pack · SAMPLE SPECIMEN · $3 · p.$4"
}
# a sepia landscape (hills, river, house, trees) inside a box
scene() { # X Y W H
  local x=$1 y=$2 w=$3 h=$4 k px py d hx hy tw
  E "$y" $(( y + h )) "<rect x=\"$x\" y=\"$y\" width=\"$w\" height=\"$h\" fill=\"url(#sky)\"/>"
  d="M$x $(( y + h * 55 / 100 ))"
  for (( k = 1; k <= 8; k++ )); do rn $(( h / 5 )); d+=" L$(( x + w * k / 8 )) $(( y + h * 38 / 100 + R ))"; done
  d+=" L$(( x + w )) $(( y + h )) L$x $(( y + h )) Z"
  E "$y" $(( y + h )) "<path d=\"$d\" fill=\"#9d8059\"/>"
  d="M$x $(( y + h * 75 / 100 ))"
  for (( k = 1; k <= 6; k++ )); do rn $(( h / 6 )); d+=" Q$(( x + w * (2 * k - 1) / 12 )) $(( y + h * 58 / 100 + R )) $(( x + w * k / 6 )) $(( y + h * 68 / 100 + R / 2 ))"; done
  d+=" L$(( x + w )) $(( y + h )) L$x $(( y + h )) Z"
  E "$y" $(( y + h )) "<path d=\"$d\" fill=\"#6f5636\"/>"
  rn $(( w / 3 )); px=$(( x + w / 3 + R ))
  E $(( y + h * 70 / 100 )) $(( y + h )) "<path d=\"M$px $(( y + h * 72 / 100 )) C$(( px + w / 10 )) $(( y + h * 80 / 100 )) $(( px - w / 6 )) $(( y + h * 88 / 100 )) $(( px - w / 12 )) $(( y + h )) L$(( px + w / 12 )) $(( y + h )) C$(( px )) $(( y + h * 88 / 100 )) $(( px + w / 5 )) $(( y + h * 80 / 100 )) $(( px + w / 60 )) $(( y + h * 72 / 100 )) Z\" fill=\"#d8c39a\"/>"
  rn $(( w / 4 )); hx=$(( x + w / 10 + R )); hy=$(( y + h * 74 / 100 )); tw=$(( w / 14 ))
  E $(( hy - tw )) $(( hy + tw )) "<g fill=\"#3f2f1d\"><rect x=\"$hx\" y=\"$hy\" width=\"$tw\" height=\"$(( tw * 6 / 10 ))\"/><path d=\"M$(( hx - tw / 6 )) $hy L$(( hx + tw / 2 )) $(( hy - tw / 2 )) L$(( hx + tw + tw / 6 )) $hy Z\"/><rect x=\"$(( hx + tw * 4 / 10 ))\" y=\"$(( hy + tw * 3 / 10 ))\" width=\"$(( tw / 5 ))\" height=\"$(( tw * 3 / 10 ))\" fill=\"#d8c39a\"/></g>"
  for (( k = 0; k < 7; k++ )); do
    rn "$w"; px=$(( x + R )); rn $(( h / 8 )); py=$(( y + h * 70 / 100 + R )); rn $(( w / 40 )); tw=$(( w / 60 + R ))
    E $(( py - 2 * tw )) $(( py + 2 * tw )) "<g fill=\"#33271a\"><rect x=\"$(( px - tw / 8 ))\" y=\"$py\" width=\"$(( tw / 4 + 1 ))\" height=\"$tw\"/><ellipse cx=\"$px\" cy=\"$(( py - tw / 2 ))\" rx=\"$(( tw * 7 / 10 ))\" ry=\"$tw\"/></g>"
  done
  E "$y" $(( y + h )) "<rect x=\"$x\" y=\"$y\" width=\"$w\" height=\"$h\" fill=\"url(#pvig)\"/>"
  for (( k = 0; k < 3; k++ )); do
    rn "$w"; px=$(( x + R ))
    E "$y" $(( y + h )) "<line x1=\"$px\" y1=\"$y\" x2=\"$(( px + w / 50 ))\" y2=\"$(( y + h ))\" stroke=\"#f4ead2\" stroke-opacity=\"0.35\" stroke-width=\"2\"/>"
  done
}
postmark() { # CX CY R
  local x=$1 y=$2 r=$3
  E $(( y - r )) $(( y + r )) "<g transform=\"translate($x,$y) rotate(-12)\" stroke=\"#3a3a3a\" fill=\"none\" opacity=\"0.6\" stroke-width=\"$(( r / 25 ))\"><circle r=\"$r\"/><circle r=\"$(( r * 62 / 100 ))\"/><path d=\"M-$(( r * 3 )) -$(( r / 3 )) q$(( r / 2 )) -$(( r / 6 )) $r 0 t$r 0 t$r 0 M-$(( r * 3 )) $(( r / 3 )) q$(( r / 2 )) -$(( r / 6 )) $r 0 t$r 0 t$r 0\"/><text y=\"-$(( r * 70 / 100 ))\" font-family=\"$SANS\" font-size=\"$(( r / 5 ))\" text-anchor=\"middle\" fill=\"#3a3a3a\" stroke=\"none\">示例邮戳</text><text y=\"$(( r / 10 ))\" font-family=\"$SANS\" font-size=\"$(( r / 5 ))\" text-anchor=\"middle\" fill=\"#3a3a3a\" stroke=\"none\">SAMPLE</text></g>"
}
stamp_box() { # X Y W H  (a postage stamp)
  local x=$1 y=$2 w=$3 h=$4
  E "$y" $(( y + h )) "<g><rect x=\"$x\" y=\"$y\" width=\"$w\" height=\"$h\" fill=\"#c9b48a\"/><rect x=\"$(( x + w / 10 ))\" y=\"$(( y + w / 10 ))\" width=\"$(( w * 8 / 10 ))\" height=\"$(( h - w / 5 ))\" fill=\"#8d3b2b\" fill-opacity=\"0.75\"/><circle cx=\"$(( x + w / 2 ))\" cy=\"$(( y + h * 45 / 100 ))\" r=\"$(( w / 4 ))\" fill=\"#e9d9b4\" fill-opacity=\"0.8\"/><text x=\"$(( x + w / 2 ))\" y=\"$(( y + h * 50 / 100 ))\" font-family=\"$SERIF\" font-weight=\"bold\" font-size=\"$(( w / 6 ))\" text-anchor=\"middle\" fill=\"#8d3b2b\">示例</text><text x=\"$(( x + w / 2 ))\" y=\"$(( y + h * 85 / 100 ))\" font-family=\"$SANS\" font-size=\"$(( w / 8 ))\" text-anchor=\"middle\" fill=\"#f3e6c8\">示例邮票</text><rect x=\"$x\" y=\"$y\" width=\"$w\" height=\"$h\" fill=\"none\" stroke=\"#efe4c8\" stroke-width=\"$(( w / 18 ))\" stroke-dasharray=\"$(( w / 24 )) $(( w / 30 ))\"/></g>"
}

# ===========================================================================================
# templates: tpl_NAME CODE PAGE PATH  -> prints elements; sets W and H
# ===========================================================================================
tpl_letter() {
  local code=$1 page=$2 c x n
  W=2000 H=2800
  paper_begin $W $H "#f1e4c3"
  tx 1000 205 44 "$RED" "$SERIF" normal middle "示　例　信　笺" 'letter-spacing="6"'
  rect 190 240 1620 2320 "fill=\"none\" stroke=\"$RED\" stroke-width=\"2\" stroke-opacity=\"0.8\""
  rect 200 250 1600 2300 "fill=\"none\" stroke=\"$RED\" stroke-width=\"6\" stroke-opacity=\"0.8\""
  for (( c = 1; c < 8; c++ )); do vline $(( 200 + 200 * c )) 250 2550 "stroke=\"$RED\" stroke-width=\"3\" stroke-opacity=\"0.7\""; done
  tx 1000 2625 34 "$RED" "$SANS" normal middle "兰台示例信笺 · SAMPLE LETTER PAPER · 仅供演示"
  for (( c = 0; c < 8; c++ )); do
    x=$(( 1700 - 200 * c ))
    if (( page == 1 && c == 0 )); then vcol $x 330 76 90 "$INK" "示例收信人台鉴" 4; continue; fi
    if (( page >= 2 && c == 5 )); then vcol $x 420 76 90 "$INK" "此致" 4; continue; fi
    if (( page >= 2 && c == 6 )); then vcol $x 330 76 90 "$INK" "敬礼" 4; continue; fi
    if (( page >= 2 && c == 7 )); then vcol $x 1100 76 90 "$INK" "示例写信人敬上" 4; vcol $(( x - 90 )) 1500 60 72 "$INK" "示例年月日" 3; continue; fi
    rn 9; n=$(( 15 + R )); (( c == 1 && page == 1 )) && n=$(( n - 2 ))
    sample $n; vcol $x $(( c == 1 && page == 1 ? 510 : 330 )) 76 90 "$INK" "$L" 4
  done
  stamp 560 2230 230 -14
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_envelope() {
  local code=$1 page=$2 k
  W=2800 H=2000
  paper_begin $W $H "#e6d2a8"
  for (( k = 0; k < 6; k++ )); do rect $(( 130 + 115 * k )) 110 90 90 "fill=\"none\" stroke=\"$RED\" stroke-width=\"5\""; tx $(( 175 + 115 * k )) 185 64 "$INK" "$SERIF" normal middle "〇"; done
  rect 1150 260 500 1480 "fill=\"none\" stroke=\"$RED\" stroke-width=\"10\""
  vcol 1400 380 140 165 "$INK" "示例收信人同志启" 6
  vcol 2250 360 84 96 "$INK" "示例省示例市示例路示例号" 4
  vcol 2110 520 84 96 "$INK" "示例单位转交" 4
  vcol 640 820 80 92 "$INK" "示例地址" 3
  vcol 500 820 80 92 "$INK" "示例寄信人缄" 3
  stamp_box 2360 90 300 380
  postmark 2300 430 170
  tx 1400 1880 40 "#6b5a45" "$SANS" normal middle "示例信封 · SAMPLE ENVELOPE · 邮政编码、地址与姓名均为占位符"
  stamp 760 1550 200 -10
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_manuscript() {
  local code=$1 page=$2 r c y d col t ch x cells pos
  W=2000 H=2800
  col="#3d7a52"; [[ ${code: -1} =~ [13579] ]] && col="#b5473a"
  paper_begin $W $H "#f2e8cc"
  tx 1000 250 40 "$col" "$SERIF" normal middle "示　例　稿　纸"
  rect 180 310 1640 2260 "fill=\"none\" stroke=\"$col\" stroke-width=\"5\""
  for (( r = 0; r < 20; r++ )); do
    y=$(( 330 + r * 112 )); d=""
    for (( c = 1; c < 20; c++ )); do d+="M$(( 200 + 80 * c )) $y v80 "; done
    E "$y" $(( y + 80 )) "<g stroke=\"$col\" stroke-width=\"2.5\" fill=\"none\"><rect x=\"200\" y=\"$y\" width=\"1600\" height=\"80\"/><path d=\"$d\"/></g>"
  done
  tx 1800 2625 32 "$col" "$SANS" normal end "20×20=400　示例稿纸"
  # text, one character per cell
  t="　　"; (( page == 1 )) && t=""
  cells=""
  if (( page == 1 )); then
    for (( c = 0; c < 4; c++ )); do ch="示例手稿"; tx $(( 200 + 80 * (8 + c) + 40 )) $(( 330 + 62 )) 62 "$INK" "$SERIF" bold middle "${ch:c:1}"; done
    for (( c = 0; c < 4; c++ )); do ch="示例作者"; tx $(( 200 + 80 * (14 + c) + 40 )) $(( 442 + 62 )) 56 "$INK" "$SERIF" normal middle "${ch:c:1}"; done
  fi
  local first=$(( page == 1 ? 2 : 0 )) last=$(( page == 1 ? 20 : 15 ))
  t=""
  while (( ${#t} < (last - first) * 20 )); do rn 60; sample $(( 40 + R )) p; t+="　　$L"; done
  for (( r = first; r < last; r++ )); do
    y=$(( 330 + r * 112 ))
    for (( c = 0; c < 20; c++ )); do
      pos=$(( (r - first) * 20 + c )); ch=${t:pos:1}
      [[ $ch == "　" ]] && continue
      rn 7; x=$(( 240 + 80 * c + R - 3 ))
      tx $x $(( y + 61 )) 60 "$INK" "$SERIF" normal middle "$ch"
    done
  done
  # corrections: struck-out cells with a small insertion above
  for (( c = 0; c < 6; c++ )); do
    rn $(( last - first )); r=$(( first + R )); rn 18; x=$(( 200 + 80 * (R + 1) )); y=$(( 330 + r * 112 ))
    E "$y" $(( y + 80 )) "<path d=\"M$(( x + 6 )) $(( y + 44 )) l68 -8\" stroke=\"$INK\" stroke-width=\"6\" fill=\"none\"/>"
    sample 2; tx $(( x + 40 )) $(( y - 4 )) 26 "$INK" "$SERIF" normal middle "$L"
    E $(( y - 10 )) "$y" "<path d=\"M$(( x + 20 )) $(( y - 2 )) l20 -12 l20 12\" stroke=\"$INK\" stroke-width=\"3\" fill=\"none\"/>"
  done
  stamp 1460 2290 230 -12
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_newspaper() {
  local code=$1 page=$2 k x y n ystart
  W=2000 H=2800
  paper_begin $W $H "#ebe3cf"
  tx 1000 345 250 "$RED" "$SERIF" bold middle "示例报"
  rect 90 150 300 190 "fill=\"none\" stroke=\"$BLACK\" stroke-width=\"3\""
  tx 240 215 34 "$BLACK" "$SANS" normal middle "第 $code 号"
  tx 240 265 30 "$BLACK" "$SANS" normal middle "示例日期出版"
  tx 240 312 30 "$BLACK" "$SANS" normal middle "本报为示例样张"
  rect 1610 150 300 190 "fill=\"none\" stroke=\"$BLACK\" stroke-width=\"3\""
  tx 1760 230 38 "$BLACK" "$SANS" bold middle "SAMPLE"
  tx 1760 290 38 "$BLACK" "$SANS" bold middle "NEWSPAPER"
  hline 90 1910 420 "stroke=\"$BLACK\" stroke-width=\"8\""
  hline 90 1910 436 "stroke=\"$BLACK\" stroke-width=\"2\""
  tx 1000 490 30 "$BLACK" "$SANS" normal middle "示例报社出版 · 本版全部文字均为占位内容 · SAMPLE NEWSPAPER PAGE · 仅供演示"
  hline 90 1910 515 "stroke=\"$BLACK\" stroke-width=\"2\""
  tx 1000 650 104 "$BLACK" "$SERIF" bold middle "示例标题：档案展示终端样张"
  tx 1000 735 46 "$BLACK" "$SERIF" normal middle "（示例副标题）本版标题、正文与插图均为程序生成"
  hline 90 1910 770 "stroke=\"$BLACK\" stroke-width=\"3\""
  for (( k = 1; k < 5; k++ )); do vline $(( 90 + 370 * k - 15 )) 790 2680 "stroke=\"$BLACK\" stroke-width=\"1.5\""; done
  rect 445 795 740 560 'fill="#ebe3cf"'
  scene 460 810 710 470
  tx 815 1330 26 "$BLACK" "$SANS" normal middle "示例插图 · SAMPLE ILLUSTRATION"
  for (( k = 0; k < 5; k++ )); do
    x=$(( 90 + 370 * k )); ystart=840; (( k == 1 || k == 2 )) && ystart=1400
    y=$ystart; n=0
    while (( y < 2680 )); do
      rn 9
      if (( R == 0 && y < 2500 && n > 3 )); then
        hline $x $(( x + 340 )) $(( y - 30 )) "stroke=\"$BLACK\" stroke-width=\"2\""
        tx $(( x + 170 )) $(( y + 30 )) 40 "$BLACK" "$SERIF" bold middle "示例小标题"
        y=$(( y + 90 )); n=0; continue
      fi
      if (( n == 0 )); then sample 9 p; L="　　$L"; else rn 5; sample $(( R == 0 ? 6 : 11 )) p; fi
      tx $x $y 30 "$BLACK" "$SERIF" normal start "$L"
      y=$(( y + 44 )); n=$(( n + 1 ))
    done
  done
  stamp 1650 2420 210 -16
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_photo() {
  local code=$1 page=$2
  W=2800 H=2000
  paper_begin $W $H "#cdbb93" 0.93
  rect 90 80 2620 1840 "fill=\"none\" stroke=\"#a8956c\" stroke-width=\"6\""
  rect 110 100 2580 1800 "fill=\"none\" stroke=\"#e4d6b4\" stroke-width=\"3\""
  rect 312 212 2176 1416 "fill=\"#efe6d2\""
  scene 330 230 2140 1380
  local c
  for c in "300 200 1 1" "2500 200 -1 1" "300 1640 1 -1" "2500 1640 -1 -1"; do
    set -- $c
    E $(( $2 - 90 )) $(( $2 + 90 )) "<path d=\"M$1 $2 l$(( $3 * 90 )) 0 l-$(( $3 * 90 )) $(( $4 * 90 )) Z\" fill=\"#2a2520\"/>"
  done
  tx 1400 1760 64 "#45361f" "$SERIF" normal middle "示例照片 · SAMPLE PHOTO"
  tx 1400 1840 34 "#5e4d33" "$SANS" normal middle "样张 $code · 画面为程序生成的风景，不表现任何真实地点"
  stamp 2390 1750 130 -10
  watermark $W $H
  footer $W $H "$code" "$page" "#4a3a24"
  paper_end $W $H
}

tpl_back() {
  local code=$1 page=$2
  W=2800 H=2000
  paper_begin $W $H "#ece3cc"
  E 300 1200 "<g transform=\"rotate(-2 1400 700)\" fill=\"#6d6a66\" font-family=\"$SERIF\" font-size=\"70\"><text x=\"380\" y=\"420\">示例题记：此处为背面的占位文字。</text><text x=\"380\" y=\"560\">示例编号　DEMO-${code}</text><text x=\"380\" y=\"700\">示例年代　示例地点</text><text x=\"380\" y=\"840\" font-size=\"50\">（本面所写内容均为示例）</text></g>"
  E 1150 1750 "<g transform=\"translate(700,1450) rotate(4)\" opacity=\"0.75\"><rect x=\"-380\" y=\"-190\" width=\"760\" height=\"380\" fill=\"none\" stroke=\"#2f4f8f\" stroke-width=\"10\"/><rect x=\"-350\" y=\"-160\" width=\"700\" height=\"320\" fill=\"none\" stroke=\"#2f4f8f\" stroke-width=\"3\"/><text y=\"-20\" font-family=\"$SERIF\" font-weight=\"bold\" font-size=\"110\" text-anchor=\"middle\" fill=\"#2f4f8f\">示例档案馆藏</text><text y=\"100\" font-family=\"$SANS\" font-size=\"54\" text-anchor=\"middle\" fill=\"#2f4f8f\">SAMPLE ARCHIVES</text></g>"
  stamp 2200 1450 210 -14
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_certificate() {
  local code=$1 page=$2 k
  W=2800 H=2000
  paper_begin $W $H "#f4ead0"
  rect 60 60 2680 1880 "fill=\"none\" stroke=\"$GOLD\" stroke-width=\"26\""
  rect 110 110 2580 1780 "fill=\"none\" stroke=\"$RED\" stroke-width=\"7\""
  rect 140 140 2520 1720 "fill=\"none\" stroke=\"$GOLD\" stroke-width=\"3\" stroke-dasharray=\"30 12\""
  for k in "140 140" "2660 140" "140 1860" "2660 1860"; do
    set -- $k
    E $(( $2 - 50 )) $(( $2 + 50 )) "<g><circle cx=\"$1\" cy=\"$2\" r=\"46\" fill=\"$RED\"/><circle cx=\"$1\" cy=\"$2\" r=\"26\" fill=\"$GOLD\"/></g>"
  done
  for (( k = 1; k < 13; k++ )); do
    E 96 124 "<path d=\"M$(( 140 + 194 * k )) 96 l14 14 l-14 14 l-14 -14 Z\" fill=\"$GOLD\"/>"
    E 1876 1904 "<path d=\"M$(( 140 + 194 * k )) 1876 l14 14 l-14 14 l-14 -14 Z\" fill=\"$GOLD\"/>"
  done
  tx 1400 440 220 "$RED" "$SERIF" bold middle "证　书"
  tx 1400 545 52 "#7a5a20" "$SANS" normal middle "CERTIFICATE · SAMPLE SPECIMEN"
  tx 420 780 76 "$BLACK" "$SERIF" normal start "　　兹证明示例持证人参加示例活动，"
  tx 420 900 76 "$BLACK" "$SERIF" normal start "表现良好，特发此证。"
  tx 420 1020 60 "#5a4a35" "$SERIF" normal start "（此证书为展示终端样张，不具任何效力。）"
  tx 2300 1260 66 "$BLACK" "$SERIF" normal end "示例单位（盖章）"
  tx 2300 1380 66 "$BLACK" "$SERIF" normal end "示例年　示例月　示例日"
  tx 300 1760 40 "#5a4a35" "$SANS" normal start "编号：DEMO-$code-0001（示例）"
  seal_sq 2040 1260 300 -6
  stamp 700 1480 190 -12
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_notebook_cover() {
  local code=$1 page=$2
  W=2000 H=2800
  paper_begin $W $H "#6a1d19" 0.94
  G '<defs><pattern id="weave" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 0L8 8M8 0L0 8" stroke="#000" stroke-opacity="0.16" stroke-width="1.2"/></pattern></defs>'
  G "<rect width=\"$W\" height=\"$H\" fill=\"url(#weave)\"/>"
  rect 0 0 180 2800 'fill="#4b1411" fill-opacity="0.9"'
  rect 280 190 1580 2420 'fill="none" stroke="#8e2c23" stroke-width="8"'
  rect 292 202 1556 2396 'fill="none" stroke="#3e0f0c" stroke-width="3"'
  rect 560 700 880 980 "fill=\"#efe3c4\" stroke=\"#8a6a3a\" stroke-width=\"5\""
  tx 1000 900 108 "$BLACK" "$SERIF" bold middle "示例笔记本"
  tx 1000 1010 46 "#5a4a35" "$SANS" normal middle "SAMPLE NOTEBOOK"
  hline 640 1360 1070 "stroke=\"#8a6a3a\" stroke-width=\"3\""
  tx 660 1200 58 "$INK" "$SERIF" normal start "姓名：示例"
  tx 660 1320 58 "$INK" "$SERIF" normal start "编号：$code"
  tx 660 1440 58 "$INK" "$SERIF" normal start "学习笔记（样张）"
  stamp 1270 1540 150 -12
  watermark $W $H "#f1e4c3"
  footer $W $H "$code" "$page" "#e8d8b0"
  paper_end $W $H
}

tpl_lined() {
  local code=$1 page=$2 path=$3 y d n k head="示例日记 · SAMPLE DIARY"
  [[ $path == *notebook* ]] && head="示例笔记 · SAMPLE NOTES"
  W=2000 H=2800
  paper_begin $W $H "#f0e6cb"
  tx 1000 200 44 "#8a7a5a" "$SANS" normal middle "$head"
  tx 250 310 56 "$INK" "$SERIF" normal start "示例日期：示例年　示例月　示例日"
  tx 1760 310 56 "$INK" "$SERIF" normal end "天气：示例"
  hline 150 1850 360 "stroke=\"#c0554a\" stroke-width=\"3\""
  hline 150 1850 372 "stroke=\"#c0554a\" stroke-width=\"2\""
  d=""; for (( y = 460; y <= 2600; y += 96 )); do d+="M150 $y H1850 "; done
  G "<path d=\"$d\" stroke=\"#7d93b5\" stroke-width=\"2.5\" stroke-opacity=\"0.75\" fill=\"none\"/>"
  vline 230 380 2640 'stroke="#c0554a" stroke-width="3"'
  n=$(( page == 1 ? 23 : 17 ))
  for (( k = 0; k < n; k++ )); do
    y=$(( 460 + 96 * k - 16 ))
    rn 8
    if (( R == 0 || k == 0 )); then sample 22 p; L="　　$L"; else rn 6; sample $(( 20 + R )) p; fi
    (( k == n - 1 )) && { sample 9 p; }
    rn 13; tx $(( 262 + R )) $y 58 "$INK" "$SERIF" normal start "$L"
  done
  tx 1000 2720 40 "#8a7a5a" "$SANS" normal middle "— $page —"
  stamp 1520 2380 220 -14
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_notice() {
  local code=$1 page=$2 c x
  W=2800 H=2000
  paper_begin $W $H "#efe0bc"
  rect 80 80 2640 1840 "fill=\"none\" stroke=\"$BLACK\" stroke-width=\"9\""
  rect 112 112 2576 1776 "fill=\"none\" stroke=\"$BLACK\" stroke-width=\"3\""
  tx 1400 340 210 "$BLACK" "$SERIF" bold middle "布　　告"
  tx 1400 440 50 "$BLACK" "$SANS" normal middle "（示例 · SAMPLE NOTICE）"
  vcol 2500 560 84 96 "$BLACK" "示例字第${code}号"
  for (( c = 1; c < 15; c++ )); do
    x=$(( 2500 - 120 * c )); rn 4; sample $(( 8 + R ))
    (( c == 14 )) && L="此布"
    vcol $x 560 84 96 "$BLACK" "$L"
  done
  vcol 640 900 84 96 "$BLACK" "示例机关"
  vcol 520 1000 70 82 "$BLACK" "示例年月日"
  seal_sq 560 1350 300 -4
  stamp 1150 1660 170 -8
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_postcard_front() {
  local code=$1 page=$2
  W=2800 H=2000
  paper_begin $W $H "#efe8d8" 0.94
  scene 120 120 2560 1580
  rect 120 120 2560 1580 'fill="none" stroke="#3f2f1d" stroke-width="4"'
  tx 1400 1830 72 "#3a2e20" "$SERIF" normal middle "示例风景 · SAMPLE VIEW"
  tx 2680 1910 30 "#5e4d33" "$SANS" normal end "示例明信片 $code · 画面为程序生成"
  stamp 2450 1820 120 -10
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_postcard_back() {
  local code=$1 page=$2 k y
  W=2800 H=2000
  paper_begin $W $H "#f2ead6"
  tx 1400 210 84 "$BLACK" "$SERIF" bold middle "明　信　片"
  tx 1400 290 40 "$BLACK" "$SANS" normal middle "POSTCARD · 示例 SAMPLE"
  vline 1400 380 1800 "stroke=\"$BLACK\" stroke-width=\"3\""
  for (( k = 0; k < 11; k++ )); do
    y=$(( 500 + 112 * k ))
    if (( k == 0 )); then L="示例收信人："; else rn 5; sample $(( 17 + R )) p; fi
    (( k == 10 )) && L="　　　　　　　示例寄信人"
    tx 200 $y 56 "$INK" "$SERIF" normal start "$L"
  done
  for (( k = 0; k < 6; k++ )); do rect $(( 1480 + 100 * k )) 400 80 80 "fill=\"none\" stroke=\"$RED\" stroke-width=\"4\""; done
  E 330 720 "<rect x=\"2380\" y=\"340\" width=\"300\" height=\"370\" fill=\"none\" stroke=\"$RED\" stroke-width=\"4\" stroke-dasharray=\"16 10\"/>"
  tx 2530 540 40 "$RED" "$SANS" normal middle "贴邮票处"
  for (( k = 0; k < 4; k++ )); do hline 1480 2680 $(( 920 + 160 * k )) "stroke=\"$BLACK\" stroke-width=\"2\""; done
  tx 1500 900 64 "$INK" "$SERIF" normal start "示例省示例市示例路示例号"
  tx 1500 1060 64 "$INK" "$SERIF" normal start "示例单位"
  tx 1700 1220 72 "$INK" "$SERIF" normal start "示例收信人　收"
  postmark 2430 640 150
  stamp 900 1700 150 -12
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_telegram() {
  local code=$1 page=$2 k r c x y d t pos
  W=2800 H=2000
  local TR="#a0281e"
  paper_begin $W $H "#f3e8d2"
  tx 1400 230 130 "$TR" "$SERIF" bold middle "电　　报"
  tx 1400 310 44 "$TR" "$SANS" normal middle "TELEGRAM · 示例表格 SAMPLE FORM"
  rect 150 360 2500 280 "fill=\"none\" stroke=\"$TR\" stroke-width=\"5\""
  hline 150 2650 520 "stroke=\"$TR\" stroke-width=\"3\""
  for x in 775 1400 2025; do vline $x 360 520 "stroke=\"$TR\" stroke-width=\"3\""; done
  k=0
  for t in "发报局:示例" "字数:四十六" "日期:示例日" "时间:示例时"; do
    x=$(( 150 + 625 * k ))
    tx $(( x + 20 )) 400 32 "$TR" "$SANS" normal start "${t%%:*}"
    tx $(( x + 312 )) 490 64 "$INK" "$SERIF" normal middle "${t#*:}"
    k=$(( k + 1 ))
  done
  tx 170 600 34 "$TR" "$SANS" normal start "收报人"
  tx 330 605 60 "$INK" "$SERIF" normal start "示例收报人　　示例地址"
  d=""
  for (( r = 0; r <= 5; r++ )); do d+="M150 $(( 700 + 180 * r )) H2650 "; done
  for (( c = 0; c <= 10; c++ )); do d+="M$(( 150 + 250 * c )) 700 V1600 "; done
  G "<path d=\"$d\" stroke=\"$TR\" stroke-width=\"3\" fill=\"none\"/>"
  t=""; while (( ${#t} < 46 )); do sample 12; t+=$L; done
  for (( r = 0; r < 5; r++ )); do
    for (( c = 0; c < 10; c++ )); do
      pos=$(( r * 10 + c )); y=$(( 700 + 180 * r )); x=$(( 150 + 250 * c ))
      tx $(( x + 14 )) $(( y + 32 )) 24 "$TR" "$SANS" normal start "$(printf '%02d' $(( pos + 1 )))"
      (( pos >= 46 )) && continue
      rn 11; tx $(( x + 125 + R - 5 )) $(( y + 132 )) 110 "$INK" "$SERIF" normal middle "${t:pos:1}"
    done
  done
  tx 150 1700 44 "$TR" "$SANS" normal start "注意：本电报纸为展示终端样张，不具任何效力。"
  tx 2650 1700 44 "$TR" "$SANS" normal end "示例电报局"
  stamp 2280 1470 200 -8
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_form() {
  local code=$1 page=$2 k y
  W=2000 H=2800
  paper_begin $W $H "#f2ecd9"
  tx 1000 260 96 "$BLACK" "$SERIF" bold middle "示例登记表"
  tx 1000 340 40 "$BLACK" "$SANS" normal middle "SAMPLE REGISTRATION FORM · 编号 DEMO-$code"
  rect 150 420 1700 2130 "fill=\"none\" stroke=\"$BLACK\" stroke-width=\"6\""
  for y in 560 700 840 980 1700 2200; do hline 150 $(( y <= 840 ? 1450 : 1850 )) $y "stroke=\"$BLACK\" stroke-width=\"3\""; done
  hline 1450 1850 980 "stroke=\"$BLACK\" stroke-width=\"3\""
  for k in 400 850 1100; do vline $k 420 980 "stroke=\"$BLACK\" stroke-width=\"3\""; done
  vline 1450 420 980 "stroke=\"$BLACK\" stroke-width=\"3\""
  vline 400 980 2200 "stroke=\"$BLACK\" stroke-width=\"3\""
  local labels=("名　称" "示例" "类　别" "示例" "编　号" "DEMO-$code" "日　期" "示例日期" "地　点" "示例地点" "经办人" "示例" "来　源" "示例来源" "份　数" "壹")
  for (( k = 0; k < 8; k++ )); do
    y=$(( 420 + 140 * (k / 2) + 90 ))
    if (( k % 2 == 0 )); then tx 275 $y 46 "$BLACK" "$SANS" normal middle "${labels[2 * k]}"; tx 625 $y 56 "$INK" "$SERIF" normal middle "${labels[2 * k + 1]}"
    else tx 975 $y 46 "$BLACK" "$SANS" normal middle "${labels[2 * k]}"; tx 1275 $y 56 "$INK" "$SERIF" normal middle "${labels[2 * k + 1]}"; fi
  done
  E 440 960 "<g><rect x=\"1500\" y=\"460\" width=\"300\" height=\"480\" fill=\"none\" stroke=\"#888\" stroke-width=\"3\" stroke-dasharray=\"12 8\"/><text x=\"1650\" y=\"700\" font-family=\"$SANS\" font-size=\"44\" text-anchor=\"middle\" fill=\"#888\">照片</text><text x=\"1650\" y=\"760\" font-family=\"$SANS\" font-size=\"36\" text-anchor=\"middle\" fill=\"#888\">（示例）</text></g>"
  tx 275 1340 46 "$BLACK" "$SANS" normal middle "内容摘要"
  for (( k = 0; k < 6; k++ )); do rn 5; sample $(( 20 + R )) p; tx 440 $(( 1080 + 110 * k )) 56 "$INK" "$SERIF" normal start "$L"; done
  tx 275 1960 46 "$BLACK" "$SANS" normal middle "备　　注"
  tx 440 1850 56 "$INK" "$SERIF" normal start "本表所填内容均为示例。"
  tx 440 1960 56 "$INK" "$SERIF" normal start "此处可放大查看细线表格。"
  tx 200 2300 38 "$BLACK" "$SANS" normal start "填表说明：本表为兰台展示终端演示用样张，"
  tx 200 2360 38 "$BLACK" "$SANS" normal start "所有栏目内容均为占位符，不涉及任何真实人员或事项。"
  stamp 1500 2360 190 -12
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_ledger() {
  local code=$1 page=$2 r y d k inc out bal=0 ent
  W=2800 H=2000
  paper_begin $W $H "#efe5c8"
  tx 1400 200 90 "$BLACK" "$SERIF" bold middle "示例账册"
  tx 1400 275 40 "$BLACK" "$SANS" normal middle "SAMPLE LEDGER · 第 $page 页 · 所有金额均为示例"
  rect 120 330 2560 1525 "fill=\"none\" stroke=\"$RED\" stroke-width=\"5\""
  d=""; for k in 420 1300 1650 2000 2350; do d+="M$k 330 V1855 "; done
  for (( r = 1; r <= 19; r++ )); do d+="M120 $(( 355 + 75 * r )) H2680 "; done
  G "<path d=\"$d\" stroke=\"$RED\" stroke-width=\"2.5\" stroke-opacity=\"0.8\" fill=\"none\"/>"
  hline 120 2680 438 "stroke=\"$RED\" stroke-width=\"2\""
  k=0
  for ent in "270:日　期" "860:摘　　要" "1475:收　入" "1825:支　出" "2175:结　余" "2515:备　注"; do
    tx "${ent%%:*}" 405 44 "$RED" "$SANS" normal middle "${ent#*:}"
  done
  local what=("示例收入" "示例支出" "示例购置" "示例结转" "示例入账" "示例调整")
  rn 50000; bal=$(( 100000 + R ))
  for (( r = 0; r < 17; r++ )); do
    y=$(( 485 + 75 * r ))
    rn 6; ent=${what[R]}
    tx 270 $y 44 "$INK" "$SERIF" normal middle "示例$(( r + 1 ))日"
    tx 450 $y 44 "$INK" "$SERIF" normal start "${ent}（样例）"
    rn 2
    if (( R == 0 )); then rn 90000; inc=$(( R + 500 )); bal=$(( bal + inc )); tx 1620 $y 44 "$INK" "$SERIF" normal end "$(( inc / 100 )).$(printf '%02d' $(( inc % 100 )))"
    else rn 60000; out=$(( R + 300 )); bal=$(( bal - out )); tx 1970 $y 44 "$INK" "$SERIF" normal end "$(( out / 100 )).$(printf '%02d' $(( out % 100 )))"; fi
    tx 2320 $y 44 "$INK" "$SERIF" normal end "$(( bal / 100 )).$(printf '%02d' $(( bal % 100 )))"
    (( r % 5 == 2 )) && tx 2515 $y 40 "$INK" "$SERIF" normal middle "示例"
  done
  tx 860 $(( 485 + 75 * 18 )) 44 "$INK" "$SERIF" bold middle "本页合计（示例）"
  stamp 2280 1640 180 -10
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_poster() {
  local code=$1 page=$2 d
  W=2000 H=2800
  paper_begin $W $H "#b3261e" 0.95
  d=$(awk 'BEGIN { cx = 1000; cy = 1500; r = 2600; pi = atan2(0, -1); s = "";
    for (k = 0; k < 24; k++) { a1 = (2 * k) * pi / 24; a2 = (2 * k + 1) * pi / 24;
      s = s sprintf("M%d %d L%d %d L%d %d Z ", cx, cy, cx + r * cos(a1), cy + r * sin(a1), cx + r * cos(a2), cy + r * sin(a2)) }
    print s }')
  G "<path d=\"$d\" fill=\"#f2c14e\" fill-opacity=\"0.22\"/>"
  E 1180 1820 '<circle cx="1000" cy="1500" r="310" fill="#f2c14e"/>'
  tx 1000 1610 300 "#b3261e" "$SERIF" bold middle "档"
  tx 1000 480 210 "#f7d774" "$SERIF" bold middle "爱护档案"
  tx 1000 740 210 "#f7d774" "$SERIF" bold middle "传承记忆"
  tx 1000 2080 110 "#f7d774" "$SERIF" bold middle "国际档案日 · 示例"
  rect 0 2300 2000 500 'fill="#efe3c4"'
  tx 1000 2470 100 "#b3261e" "$SERIF" bold middle "示例宣传画"
  tx 1000 2580 44 "#5a3a20" "$SANS" normal middle "SAMPLE POSTER · 样张 $code · 仅供演示"
  stamp 1680 2560 160 -12
  watermark $W $H "#f7d774"
  footer $W $H "$code" "$page" "#5a3a20"
  paper_end $W $H
}

tpl_ticket() {
  local code=$1 page=$2 k r c x y cx tint head line2
  local tints=("#d9e6d0" "#f0d6cf" "#d6e0ee" "#efe2b8") nums=(壹 贰 叁 肆 伍 陆 柒 捌)
  W=2800 H=2000
  head="示例票证"; line2="仅供展示 · SAMPLE"
  if [[ $code == 5-08 ]]; then head="示例展纪念票证"; line2="2026.06.09–06.15 示例展位"; fi
  paper_begin $W $H "#efe6cf"
  for (( k = 0; k < 8; k++ )); do
    r=$(( k / 4 )); c=$(( k % 4 )); x=$(( 150 + 640 * c )); y=$(( 110 + 900 * r )); cx=$(( x + 300 )); tint=${tints[(k + r) % 4]}
    rect $x $y 600 860 "fill=\"$tint\" fill-opacity=\"0.85\" stroke=\"#6a4a2a\" stroke-width=\"4\""
    rect $(( x + 24 )) $(( y + 24 )) 552 812 'fill="none" stroke="#6a4a2a" stroke-width="2"'
    E $(( y + 200 )) $(( y + 600 )) "<g fill=\"none\" stroke=\"#6a4a2a\" stroke-opacity=\"0.25\" stroke-width=\"2\"><ellipse cx=\"$cx\" cy=\"$(( y + 400 ))\" rx=\"230\" ry=\"160\"/><ellipse cx=\"$cx\" cy=\"$(( y + 400 ))\" rx=\"200\" ry=\"190\"/><ellipse cx=\"$cx\" cy=\"$(( y + 400 ))\" rx=\"160\" ry=\"220\"/></g>"
    tx $cx $(( y + 120 )) $(( ${#head} > 4 ? 52 : 62 )) "#3d2a16" "$SERIF" bold middle "$head"
    tx $cx $(( y + 480 )) 240 "#3d2a16" "$SERIF" bold middle "${nums[k]}"
    tx $cx $(( y + 590 )) 56 "#3d2a16" "$SERIF" normal middle "份（样张）"
    tx $cx $(( y + 680 )) 34 "#3d2a16" "$SANS" normal middle "$line2"
    tx $cx $(( y + 780 )) 36 "#3d2a16" "$SANS" normal middle "No. $code-$(printf '%04d' $(( 17 * k + 101 )))"
    stamp $(( x + 480 )) $(( y + 230 )) 70 -12
  done
  for c in 1 2 3; do vline $(( 150 + 640 * c - 20 )) 90 1900 'stroke="#6a4a2a" stroke-width="3" stroke-dasharray="14 12"'; done
  hline 130 2770 990 'stroke="#6a4a2a" stroke-width="3" stroke-dasharray="14 12"'
  stamp 1400 1000 220 -14
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_award() {
  local code=$1 page=$2 d
  W=2800 H=2000
  paper_begin $W $H "#f6edd5"
  rect 50 50 2700 1900 "fill=\"none\" stroke=\"#c9972e\" stroke-width=\"34\""
  rect 100 100 2600 1800 "fill=\"none\" stroke=\"$RED\" stroke-width=\"9\""
  rect 126 126 2548 1748 "fill=\"none\" stroke=\"#c9972e\" stroke-width=\"3\""
  rect 126 126 2548 300 "fill=\"$RED\" fill-opacity=\"0.9\""
  tx 1400 355 200 "#f7d774" "$SERIF" bold middle "奖　　状"
  d=$(awk 'BEGIN { pi = atan2(0, -1); s = "";
    for (side = 0; side <= 1; side++) for (k = 0; k < 12; k++) { t = k / 11; y = 1720 - 1120 * t; x = 250 + 90 * sin(pi * t); if (side) x = 2800 - x
      for (l = -1; l <= 1; l += 2) s = s sprintf("<ellipse cx=\"%d\" cy=\"%d\" rx=\"44\" ry=\"16\" transform=\"rotate(%d %d %d)\"/>", x + l * 34, y - 14, (side ? -1 : 1) * l * 50 - 90 + (side ? 180 : 0), x + l * 34, y - 14)
      if (k < 11) s = s sprintf("<path d=\"M%d %d L%d %d\" stroke=\"#c9972e\" stroke-width=\"8\"/>", x, y, (side ? 2800 - (250 + 90 * sin(pi * (k + 1) / 11)) : 250 + 90 * sin(pi * (k + 1) / 11)), 1720 - 1120 * (k + 1) / 11) }
    print s }')
  G "<g fill=\"#c9972e\" fill-opacity=\"0.7\">$d</g>"
  tx 400 720 80 "$BLACK" "$SERIF" normal start "示例获奖人："
  tx 400 860 78 "$BLACK" "$SERIF" normal start "　　在示例活动中表现优秀，"
  tx 400 980 78 "$BLACK" "$SERIF" normal start "特发此状，以资鼓励。"
  tx 400 1100 56 "#5a4a35" "$SERIF" normal start "（本奖状为展示终端样张，不具任何效力。）"
  tx 2380 1420 70 "$BLACK" "$SERIF" normal end "示例单位"
  tx 2380 1540 70 "$BLACK" "$SERIF" normal end "示例年　示例月　示例日"
  stamp 2140 1440 230 -10
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

tpl_cover() {
  local code=$1 page=$2 k x t
  W=2800 H=2000
  paper_begin $W $H "#7d1712" 0.96
  G '<defs><linearGradient id="cg" x1="0" y1="0" x2="1" y2="1"><stop offset="0%" stop-color="#9c2218" stop-opacity="0.6"/><stop offset="100%" stop-color="#3d0906" stop-opacity="0.6"/></linearGradient></defs>'
  G "<rect width=\"$W\" height=\"$H\" fill=\"url(#cg)\"/>"
  for k in "1900 420 -8" "2050 520 5" "1820 650 -2"; do
    set -- $k
    E 250 1650 "<g transform=\"translate($1,$2) rotate($3)\"><rect width=\"700\" height=\"960\" fill=\"#efe3c4\" stroke=\"#c9a86a\" stroke-width=\"4\"/><g fill=\"#3a2e20\" fill-opacity=\"0.35\"><rect x=\"80\" y=\"120\" width=\"540\" height=\"22\"/><rect x=\"80\" y=\"190\" width=\"480\" height=\"14\"/><rect x=\"80\" y=\"240\" width=\"520\" height=\"14\"/><rect x=\"80\" y=\"290\" width=\"440\" height=\"14\"/><rect x=\"80\" y=\"340\" width=\"500\" height=\"14\"/><rect x=\"80\" y=\"390\" width=\"360\" height=\"14\"/></g></g>"
  done
  stamp 2330 1330 200 -14
  hline 200 1700 330 'stroke="#e0b860" stroke-width="4"'
  tx 200 560 170 "#f6e7c1" "$SERIF" bold start "示例展览"
  tx 200 780 150 "#f6e7c1" "$SERIF" bold start "红色档案联展"
  tx 200 900 54 "#f2d58a" "$SANS" normal start "国际档案日 · International Archives Day"
  tx 200 980 54 "#f2d58a" "$SANS" normal start "SAMPLE EXHIBITION · 演示用"
  hline 200 1700 1050 'stroke="#e0b860" stroke-width="4"'
  k=0
  for t in 信仰之基 践行初心 英勇斗争 不负人民 奋楫笃行; do
    x=$(( 200 + 300 * k ))
    rect $x 1250 260 110 'fill="none" stroke="#e0b860" stroke-width="3"'
    tx $(( x + 130 )) 1325 54 "#f6e7c1" "$SERIF" normal middle "$t"
    k=$(( k + 1 ))
  done
  tx 200 1540 48 "#f2d58a" "$SANS" normal start "全部展项均为程序生成的示例样张"
  tx 200 1615 44 "#f2d58a" "$SANS" normal start "All exhibits are generated sample specimens"
  footer $W $H "$code" "$page" "#e8c98a"
  paper_end $W $H
}

# the maps: invented terrain, drawn by awk so the big one can use floating point geometry
map_elements() { # W H UNIT SEED TITLE
  awk -v W="$1" -v H="$2" -v U="$3" -v SEED="$4" -v TITLE="$5" -v SERIF="$SERIF" -v SANS="$SANS" -v RED="$RED" '
  function rnd() { S = (S * 16807) % 2147483647; return S / 2147483647 }
  function busy(x, y) { return (x > x0 - 60 * U && x < x0 + cw + 400 * U && y > y0 - 60 * U && y < y0 + ch + 60 * U) ||
                                 (x > lx - 400 * U && y > ly - 60 * U) || (x > W - 700 * U && y < 750 * U) }
  function el(y0, y1, s) { printf "%d %d\t%s\n", y0, y1, s }
  function txt(x, y, sz, fill, fam, wt, anc, t) {
    el(y - sz, y + sz / 2, sprintf("<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%s\" font-family=\"%s\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>", x, y, sz, fill, fam, wt, anc, t)) }
  BEGIN {
    S = SEED % 2147483646 + 1; pi = atan2(0, -1); area = W * H / (2800 * 2000) / (U * U)
    cw = 1250 * U; ch = 520 * U; x0 = 160 * U; y0 = 160 * U
    lw = 820 * U; lh = 560 * U; lx = W - lw - 160 * U; ly = H - lh - 160 * U
    split("甲 乙 丙 丁 戊 己 庚 辛 壬 癸", stem, " "); nstem = 10
    # graticule
    for (k = 1; k < 10; k++) {
      x = W * k / 10; el(0, H, sprintf("<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#8a6a3a\" stroke-opacity=\"0.35\" stroke-width=\"%d\" stroke-dasharray=\"%d %d\"/>", x, x, H, 2 * U, 20 * U, 14 * U))
      y = H * k / 10; el(y - 5, y + 5, sprintf("<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8a6a3a\" stroke-opacity=\"0.35\" stroke-width=\"%d\" stroke-dasharray=\"%d %d\"/>", y, W, y, 2 * U, 20 * U, 14 * U))
    }
    for (k = 0; k < 10; k++) {
      txt(W * (k + 0.5) / 10, 105 * U, 34 * U, "#3a2e20", SANS, "normal", "middle", k + 1)
      txt(W * (k + 0.5) / 10, H - 70 * U, 34 * U, "#3a2e20", SANS, "normal", "middle", k + 1)
      txt(90 * U, H * (k + 0.5) / 10, 34 * U, "#3a2e20", SANS, "normal", "middle", stem[k + 1])
      txt(W - 90 * U, H * (k + 0.5) / 10, 34 * U, "#3a2e20", SANS, "normal", "middle", stem[k + 1])
    }
    # lakes
    nl = int(3 * area ^ 0.5) + 1
    for (k = 0; k < nl; k++) {
      cx = W * (0.15 + 0.7 * rnd()); cy = H * (0.2 + 0.6 * rnd()); r = (60 + 90 * rnd()) * U * 1.6; d = ""
      for (j = 0; j < 20; j++) { a = 2 * pi * j / 20; rr = r * (0.75 + 0.4 * rnd()); d = d sprintf("%s%d %d ", j ? "L" : "M", cx + rr * cos(a) * 1.4, cy + rr * sin(a)) }
      el(cy - 2 * r, cy + 2 * r, sprintf("<path d=\"%sZ\" fill=\"#b7c7c0\" stroke=\"#4f6f7f\" stroke-width=\"%d\"/>", d, 3 * U))
      txt(cx, cy + 12 * U, 36 * U, "#2f4f5f", SERIF, "normal", "middle", "示例湖" stem[k % nstem + 1])
    }
    # hills: contour rings and hachure marks
    nh = int(10 * area) + 2
    for (k = 0; k < nh; k++) {
      cx = W * (0.08 + 0.84 * rnd()); cy = H * (0.1 + 0.8 * rnd()); r0 = (120 + 200 * rnd()) * U
      for (ring = 0; ring < 4; ring++) {
        r = r0 * (1 - ring * 0.22); d = ""
        for (j = 0; j < 24; j++) { a = 2 * pi * j / 24; rr = r * (0.85 + 0.3 * rnd()); d = d sprintf("%s%d %d ", j ? "L" : "M", cx + rr * cos(a) * 1.3, cy + rr * sin(a)) }
        el(cy - 1.4 * r0, cy + 1.4 * r0, sprintf("<path d=\"%sZ\" fill=\"%s\" fill-opacity=\"0.10\" stroke=\"#a07a4a\" stroke-width=\"%d\"/>", d, "#8a6a3a", 2.5 * U))
      }
      el(cy - 60 * U, cy + 20 * U, sprintf("<path d=\"M%d %d l%d %d l%d %d\" fill=\"none\" stroke=\"#5a3d18\" stroke-width=\"%d\"/>", cx - 30 * U, cy, 30 * U, -50 * U, 30 * U, 50 * U, 4 * U))
      txt(cx, cy + 60 * U, 34 * U, "#5a3d18", SERIF, "normal", "middle", "示例山" stem[k % nstem + 1])
    }
    for (k = 0; k < int(40 * area); k++) {
      x = W * (0.05 + 0.9 * rnd()); y = H * (0.08 + 0.84 * rnd())
      el(y - 25 * U, y + 5 * U, sprintf("<path d=\"M%d %d l%d %d l%d %d\" fill=\"none\" stroke=\"#7a5a30\" stroke-opacity=\"0.7\" stroke-width=\"%d\"/>", x - 14 * U, y, 14 * U, -22 * U, 14 * U, 22 * U, 2.5 * U))
    }
    # rivers: a main river across the sheet and tributaries
    y = H * (0.35 + 0.3 * rnd()); d = sprintf("M0 %d", y); ymin = y; ymax = y; n = 0
    for (x = 0; x <= W; x += W / 24) { y += (rnd() - 0.5) * H / 9; if (y < H * 0.15) y = H * 0.15; if (y > H * 0.85) y = H * 0.85
      rx[n] = x; ry[n] = y; n++; d = d sprintf(" L%d %d", x, y); if (y < ymin) ymin = y; if (y > ymax) ymax = y }
    el(ymin - 40 * U, ymax + 40 * U, sprintf("<path d=\"%s\" fill=\"none\" stroke=\"#4f6f8f\" stroke-width=\"%d\" stroke-linejoin=\"round\"/>", d, 22 * U))
    el(ymin - 40 * U, ymax + 40 * U, sprintf("<path d=\"%s\" fill=\"none\" stroke=\"#b9cad6\" stroke-width=\"%d\" stroke-linejoin=\"round\"/>", d, 12 * U))
    txt(rx[int(n / 3)], ry[int(n / 3)] - 40 * U, 48 * U, "#2f4f6f", SERIF, "normal", "middle", "示　例　河")
    for (k = 0; k < int(3 * area ^ 0.5) + 2; k++) {
      j = int(rnd() * (n - 2)) + 1; x = rx[j]; y = ry[j]; up = rnd() < 0.5 ? -1 : 1; d = sprintf("M%d %d", x, y); ymin = y; ymax = y
      for (s = 0; s < 8; s++) { x += (rnd() - 0.5) * W / 20; y += up * H / 22; d = d sprintf(" L%d %d", x, y); if (y < ymin) ymin = y; if (y > ymax) ymax = y }
      el(ymin - 20 * U, ymax + 20 * U, sprintf("<path d=\"%s\" fill=\"none\" stroke=\"#4f6f8f\" stroke-width=\"%d\" stroke-linejoin=\"round\"/>", d, 8 * U))
    }
    # settlements and roads
    ns = int(24 * area) + 4
    for (k = 0; k < ns; k++) {
      do { sx[k] = W * (0.06 + 0.80 * rnd()); sy[k] = H * (0.1 + 0.8 * rnd()) } while (busy(sx[k], sy[k]))
      if (k > 0 && rnd() < 0.85) {
        j = 0; best = -1
        for (i = 0; i < k; i++) { dd = (sx[i] - sx[k]) ^ 2 + (sy[i] - sy[k]) ^ 2; if (best < 0 || dd < best) { best = dd; j = i } }
        mx = (sx[k] + sx[j]) / 2 + (rnd() - 0.5) * W / 12; my = (sy[k] + sy[j]) / 2 + (rnd() - 0.5) * H / 12
        ya = sy[k]; yb = sy[j]; if (ya > yb) { t = ya; ya = yb; yb = t } if (my < ya) ya = my; if (my > yb) yb = my
        el(ya - 10 * U, yb + 10 * U, sprintf("<path d=\"M%d %d Q%d %d %d %d\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\" stroke-dasharray=\"%d %d\"/>", sx[k], sy[k], mx, my, sx[j], sy[j], RED, 5 * U, 24 * U, 12 * U))
      }
    }
    for (k = 0; k < ns; k++) {
      town = (k % 5 == 0)
      el(sy[k] - 24 * U, sy[k] + 24 * U, sprintf("<g><circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" stroke=\"#231d17\" stroke-width=\"%d\"/>%s</g>", sx[k], sy[k], (town ? 20 : 12) * U, town ? "#f4ead2" : "#231d17", 4 * U, town ? sprintf("<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#231d17\"/>", sx[k], sy[k], 8 * U) : ""))
      txt(sx[k] + 30 * U, sy[k] + 14 * U, (town ? 50 : 38) * U, "#231d17", SERIF, town ? "bold" : "normal", "start", (town ? "示例镇" : "示例村") stem[k % nstem + 1] (k >= nstem ? int(k / nstem) + 1 : ""))
    }
    # tiny text that only shows when zoomed in
    for (k = 0; k < int(6 * area); k++) {
      x = W * (0.1 + 0.8 * rnd()); y = H * (0.12 + 0.8 * rnd())
      txt(x, y, 12 * U, "#5a3d18", SANS, "normal", "middle", "此处为示例细节文字，放大可见 · SAMPLE DETAIL")
    }
    # cartouche with the title, scale bar
    el(y0, y0 + ch, sprintf("<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#efe3c4\" stroke=\"#231d17\" stroke-width=\"%d\"/><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#231d17\" stroke-width=\"%d\"/></g>", x0, y0, cw, ch, 8 * U, x0 + 16 * U, y0 + 16 * U, cw - 32 * U, ch - 32 * U, 2 * U))
    txt(x0 + cw / 2, y0 + 170 * U, 120 * U, "#231d17", SERIF, "bold", "middle", TITLE)
    txt(x0 + cw / 2, y0 + 250 * U, 38 * U, "#231d17", SANS, "normal", "middle", "SAMPLE MAP · INVENTED TERRAIN · NOT A REAL PLACE")
    txt(x0 + cw / 2, y0 + 320 * U, 40 * U, "#231d17", SERIF, "normal", "middle", "图中地形与地名均为示例，不对应任何真实地方")
    for (k = 0; k < 6; k++) el(y0 + 380 * U, y0 + 410 * U, sprintf("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#231d17\" stroke-width=\"%d\"/>", x0 + 200 * U + k * 140 * U, y0 + 380 * U, 140 * U, 26 * U, k % 2 ? "#efe3c4" : "#231d17", 2 * U))
    txt(x0 + cw / 2, y0 + 470 * U, 34 * U, "#231d17", SANS, "normal", "middle", "比例尺：示例（本图无实际比例）")
    # legend
    el(ly, ly + lh, sprintf("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#efe3c4\" stroke=\"#231d17\" stroke-width=\"%d\"/>", lx, ly, lw, lh, 6 * U))
    txt(lx + lw / 2, ly + 80 * U, 54 * U, "#231d17", SERIF, "bold", "middle", "图　例")
    yy = ly + 160 * U
    el(yy - 20 * U, yy + 20 * U, sprintf("<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#231d17\"/>", lx + 110 * U, yy - 12 * U, 12 * U)); txt(lx + 220 * U, yy, 40 * U, "#231d17", SERIF, "normal", "start", "示例居民点"); yy += 90 * U
    el(yy - 20 * U, yy + 20 * U, sprintf("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\" stroke-dasharray=\"%d %d\"/>", lx + 50 * U, yy - 12 * U, lx + 170 * U, yy - 12 * U, RED, 5 * U, 24 * U, 12 * U)); txt(lx + 220 * U, yy, 40 * U, "#231d17", SERIF, "normal", "start", "示例道路"); yy += 90 * U
    el(yy - 20 * U, yy + 20 * U, sprintf("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4f6f8f\" stroke-width=\"%d\"/>", lx + 50 * U, yy - 12 * U, lx + 170 * U, yy - 12 * U, 16 * U)); txt(lx + 220 * U, yy, 40 * U, "#231d17", SERIF, "normal", "start", "示例河流"); yy += 90 * U
    el(yy - 30 * U, yy + 20 * U, sprintf("<ellipse cx=\"%d\" cy=\"%d\" rx=\"%d\" ry=\"%d\" fill=\"none\" stroke=\"#a07a4a\" stroke-width=\"%d\"/>", lx + 110 * U, yy - 12 * U, 60 * U, 26 * U, 3 * U)); txt(lx + 220 * U, yy, 40 * U, "#231d17", SERIF, "normal", "start", "示例等高线"); yy += 90 * U
    el(yy - 30 * U, yy + 20 * U, sprintf("<ellipse cx=\"%d\" cy=\"%d\" rx=\"%d\" ry=\"%d\" fill=\"#b7c7c0\" stroke=\"#4f6f7f\" stroke-width=\"%d\"/>", lx + 110 * U, yy - 12 * U, 60 * U, 26 * U, 3 * U)); txt(lx + 220 * U, yy, 40 * U, "#231d17", SERIF, "normal", "start", "示例湖泊")
    # compass rose
    cx = W - 380 * U; cy = 420 * U; r = 190 * U
    el(cy - r - 80 * U, cy + r, sprintf("<g><circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"none\" stroke=\"#231d17\" stroke-width=\"%d\"/><path d=\"M%d %d L%d %d L%d %d Z\" fill=\"#231d17\"/><path d=\"M%d %d L%d %d L%d %d Z\" fill=\"#efe3c4\" stroke=\"#231d17\" stroke-width=\"%d\"/><path d=\"M%d %d L%d %d M%d %d L%d %d\" stroke=\"#231d17\" stroke-width=\"%d\"/></g>", cx, cy, r * 0.8, 4 * U, cx, cy - r, cx - r * 0.2, cy, cx + r * 0.2, cy, cx, cy + r, cx - r * 0.2, cy, cx + r * 0.2, cy, 3 * U, cx - r, cy, cx + r, cy, cx, cy - r, cx, cy + r, 2 * U))
    txt(cx, cy - r - 20 * U, 64 * U, "#231d17", SERIF, "bold", "middle", "北 N")
  }'
}
tpl_map() {
  local code=$1 page=$2
  W=2800 H=2000
  paper_begin $W $H "#eadcb5"
  rect 40 40 2720 1920 "fill=\"none\" stroke=\"$BLACK\" stroke-width=\"6\""
  map_elements $W $H 1 "$(cksum <<< "$3" | cut -d' ' -f1)" "示例手绘地图"
  stamp 1250 1680 150 -12
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}
tpl_bigmap() {
  local code=$1 page=$2
  W=10000 H=7500
  paper_begin $W $H "#eadcb5"
  G "<rect x=\"60\" y=\"60\" width=\"9880\" height=\"7380\" fill=\"none\" stroke=\"$BLACK\" stroke-width=\"14\"/>"
  G "<rect x=\"110\" y=\"110\" width=\"9780\" height=\"7280\" fill=\"none\" stroke=\"$BLACK\" stroke-width=\"26\" stroke-dasharray=\"120 120\"/>"
  map_elements $W $H 1.8 "$(cksum <<< "$3" | cut -d' ' -f1)" "示例地图（样张）"
  stamp 3300 1150 380 -12
  watermark $W $H
  footer $W $(( H - 130 )) "$code" "$page"
  paper_end $W $H
}

# 9000x6000 two-page newspaper spread
tpl_bignews() {
  local code=$1 page=$2 p x0 k x y n colw=470 gap=40 ncol=8 ystart cs=52 lh=78 chars
  W=9000 H=6000
  paper_begin $W $H "#ebe3cf"
  G '<defs><linearGradient id="gutter" x1="0" y1="0" x2="1" y2="0"><stop offset="0%" stop-color="#5a4a30" stop-opacity="0"/><stop offset="50%" stop-color="#5a4a30" stop-opacity="0.35"/><stop offset="100%" stop-color="#5a4a30" stop-opacity="0"/></linearGradient></defs>'
  chars=$(( colw / cs ))
  for p in 0 1; do
    x0=$(( p * 4500 + 230 ))
    if (( p == 0 )); then
      tx $(( x0 + 2020 )) 640 560 "$RED" "$SERIF" bold middle "示例报"
      rect $x0 150 760 440 "fill=\"none\" stroke=\"$BLACK\" stroke-width=\"6\""
      tx $(( x0 + 380 )) 300 70 "$BLACK" "$SANS" normal middle "第 $code 号"
      tx $(( x0 + 380 )) 410 60 "$BLACK" "$SANS" normal middle "示例日期出版"
      tx $(( x0 + 380 )) 510 60 "$BLACK" "$SANS" normal middle "SAMPLE"
    else
      tx $(( x0 + 2020 )) 500 200 "$BLACK" "$SERIF" bold middle "第二版 · 示例专版"
      tx $(( x0 + 2020 )) 640 70 "$BLACK" "$SANS" normal middle "SAMPLE NEWSPAPER · PAGE 2"
    fi
    hline $x0 $(( x0 + 4040 )) 760 "stroke=\"$BLACK\" stroke-width=\"18\""
    hline $x0 $(( x0 + 4040 )) 792 "stroke=\"$BLACK\" stroke-width=\"5\""
    tx $(( x0 + 2020 )) 880 62 "$BLACK" "$SANS" normal middle "本版全部文字与插图均为程序生成的占位内容 · 超大图像深度缩放测试样张"
    tx $(( x0 + 2020 )) 1130 190 "$BLACK" "$SERIF" bold middle "示例标题：$(( p == 0 ? 1 : 2 ))号示例新闻"
    tx $(( x0 + 2020 )) 1290 90 "$BLACK" "$SERIF" normal middle "（示例副标题）放大即可看清每一个字"
    hline $x0 $(( x0 + 4040 )) 1370 "stroke=\"$BLACK\" stroke-width=\"6\""
    for (( k = 1; k < ncol; k++ )); do vline $(( x0 + k * (colw + gap) - gap / 2 )) 1420 5760 "stroke=\"$BLACK\" stroke-width=\"3\""; done
    if (( p == 0 )); then rect $(( x0 + colw + gap / 2 )) 1420 $(( 3 * colw + 3 * gap )) 1400 'fill="#ebe3cf"'; scene $(( x0 + colw + gap )) 1440 $(( 3 * colw + 2 * gap )) 1200
    else rect $(( x0 + 4 * (colw + gap) - gap / 2 )) 3380 $(( 4 * colw + 4 * gap )) 1660 'fill="#ebe3cf"'; scene $(( x0 + 4 * (colw + gap) )) 3400 $(( 4 * colw + 3 * gap )) 1500; fi
    for (( k = 0; k < ncol; k++ )); do
      x=$(( x0 + k * (colw + gap) )); ystart=1480
      (( p == 0 && k >= 1 && k <= 3 )) && { (( k == 1 )) && tx $(( x0 + colw + gap + (3 * colw + 2 * gap) / 2 )) 2720 50 "$BLACK" "$SANS" normal middle "示例插图 · SAMPLE ILLUSTRATION"; ystart=2840; }
      y=$ystart; n=0
      while (( y < 5760 )); do
        if (( p == 1 && k >= 4 && y > 3340 - lh && y < 5000 )); then y=5060; (( k == 4 )) && tx $(( x0 + 4 * (colw + gap) + (4 * colw + 3 * gap) / 2 )) 4980 50 "$BLACK" "$SANS" normal middle "示例插图 · SAMPLE ILLUSTRATION"; continue; fi
        rn 11
        if (( R == 0 && y < 5500 && n > 4 )); then
          hline $x $(( x + colw )) $(( y - 50 )) "stroke=\"$BLACK\" stroke-width=\"4\""
          tx $(( x + colw / 2 )) $(( y + 50 )) 70 "$BLACK" "$SERIF" bold middle "示例小标题"
          y=$(( y + 150 )); n=0; continue
        fi
        if (( n == 0 )); then sample $(( chars - 2 )) p; L="　　$L"; else rn 6; sample $(( R == 0 ? chars / 2 : chars )) p; fi
        tx $x $y $cs "$BLACK" "$SERIF" normal start "$L"
        y=$(( y + lh )); n=$(( n + 1 ))
      done
    done
  done
  G "<rect x=\"4350\" y=\"0\" width=\"300\" height=\"$H\" fill=\"url(#gutter)\"/>"
  stamp 7800 5300 420 -14
  stamp 1500 5200 300 12
  watermark $W $H
  footer $W $H "$code" "$page"
  paper_end $W $H
}

# ===========================================================================================
# rendering
# ===========================================================================================
# noise grain: a 1-band tile of seeded gaussian noise, repeated to the page size
make_grain() { # WORK W H TILE OUT.v
  local work=$1 w=$2 h=$3 t=$4 out=$5
  vips gaussnoise "$out.n.v" "$t" "$t" --sigma 42 --mean 128 --seed 1948 >/dev/null
  vips cast "$out.n.v" "$out.t.v" uchar
  vips replicate "$out.t.v" "$out" $(( w / t )) $(( h / t ))
  rm -f "$out.n.v" "$out.t.v"
}
svg_of() { # W H Y0 SH < elements  -> svg on stdout (elements outside [Y0, Y0+SH] are dropped)
  printf '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 %d %d %d">\n' "$1" "$4" "$3" "$1" "$4"
  awk -F '\t' -v t="$3" -v b=$(( $3 + $4 )) '{ split($1, e, " "); if (e[1] == "-" || (e[2] + 0 >= t && e[1] + 0 <= b)) print $2 }'
  printf '</svg>\n'
}
render_image() { # WORK TEMPLATE CODE PAGE PATH DEST
  local work=$1 tpl=$2 code=$3 page=$4 path=$5 dest=$6 el base strips sh i list modes xs ys
  el="$work/$(tr '/.' '__' <<< "$path").el"
  rs "$(cksum <<< "$path" | cut -d' ' -f1)"
  "tpl_$tpl" "$code" "$page" "$path" > "$el"
  tpl_size "$tpl"
  base="$work/grain-${W}x${H}.v"
  local tmp="${dest%.jpg}.tmp$$.jpg"
  if (( W * H <= 10000000 )); then
    [[ -f $base ]] || die "missing grain $base"
    svg_of $W $H 0 $H < "$el" > "$el.svg"
    vips composite2 "$base" "$el.svg" "$tmp[Q=84,strip,optimize_coding]" over
  else
    make_grain "$work" $W $H 500 "$base.$$.v"
    sh=600; strips=$(( (H + sh - 1) / sh )); list="$base.$$.v"; modes=""; xs=""; ys=""
    for (( i = 0; i < strips; i++ )); do
      svg_of $W $H $(( i * sh )) $sh < "$el" > "$el.$i.svg"
      vips copy "$el.$i.svg" "$el.$i.v"
      list+=" $el.$i.v"; modes+=" 2"; xs+=" 0"; ys+=" $(( i * sh ))"
    done
    vips composite "$list" "$tmp[Q=82,strip,optimize_coding]" "${modes# }" --x "${xs# }" --y "${ys# }"
    rm -f "$el".*.v "$base.$$.v"
  fi
  mv -f "$tmp" "$dest"
}
tpl_size() {
  case $1 in
    bigmap) W=10000 H=7500 ;;
    bignews) W=9000 H=6000 ;;
    letter|manuscript|newspaper|notebook_cover|lined|form|poster) W=2000 H=2800 ;;
    *) W=2800 H=2000 ;;
  esac
}

# ---- videos -----------------------------------------------------------------------------
slide_svg() { # KIND TITLE SUB EN NOTE
  local bg="#7d1712" fg="#f6e7c1" ac="#f2d58a"
  [[ $1 == tip ]] && { bg="#efe3c4"; fg="#3a1a10"; ac="$RED"; }
  cat <<EOF
<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720">
<rect width="1280" height="720" fill="$bg"/>
<rect x="30" y="30" width="1220" height="660" fill="none" stroke="$ac" stroke-width="3"/>
<text x="640" y="250" font-family="$SERIF" font-weight="bold" font-size="64" text-anchor="middle" fill="$fg">$2</text>
<text x="640" y="340" font-family="$SERIF" font-size="40" text-anchor="middle" fill="$fg">$3</text>
<text x="640" y="410" font-family="$SANS" font-size="30" text-anchor="middle" fill="$ac">$4</text>
<text x="640" y="560" font-family="$SANS" font-size="26" text-anchor="middle" fill="$ac">$5</text>
<text x="640" y="640" font-family="$SANS" font-weight="bold" font-size="30" text-anchor="middle" fill="$ac" fill-opacity="0.8">示例 SAMPLE · 兰台演示视频</text>
</svg>
EOF
}
caption_svg() { # TEXT
  cat <<EOF
<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720">
<rect x="0" y="0" width="1280" height="86" fill="#000" fill-opacity="0.55"/>
<text x="640" y="56" font-family="$SANS" font-size="32" text-anchor="middle" fill="#fff">$1</text>
</svg>
EOF
}
seal_svg() {
  echo "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"220\" height=\"220\" viewBox=\"-110 -110 220 220\">"
  stamp 0 0 100 -12 "#d8372c" | cut -f2-
  echo "</svg>"
}
FFENC=(-c:v libx264 -preset veryfast -crf 24 -pix_fmt yuv420p -profile:v high -g 60 -r 30
       -c:a aac -b:a 96k -ar 48000 -ac 2 -movflags +faststart -map_metadata -1
       -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -threads 1
       -filter_threads 1 -filter_complex_threads 1)
# a still image decoded once and repeated for SECONDS at 30 fps
still() { echo "format=${2:-yuv420p},loop=loop=$(( $1 * 30 - 1 )):size=1,setpts=N/30/TB,setsar=1"; }
render_video() { # WORK N DEST
  local work=$1/v$2 n=$2 dest=$3 dur tmp fg f
  mkdir -p "$work"
  tmp="${dest%.mp4}.tmp$$.mp4"
  seal_svg > "$work/seal.svg"; vips copy "$work/seal.svg" "$work/seal.png"
  if [[ $n == 1 ]]; then
    dur=15
    slide_svg title "示例视频 · 走进档案（一）" "如何观看一份档案" "Sample video · Reading archives (1): how to look at a document" "本片为程序生成的示例内容，不涉及任何真实档案" > "$work/s0.svg"
    slide_svg title "本片内容均为示例" "All content is sample content" "兰台展示终端 · Lantai kiosk" "国际档案日示例展 · International Archives Day (sample)" > "$work/s2.svg"
    caption_svg "示例 · 双指缩放、拖动查看细节 · Pinch to zoom, drag to pan" > "$work/cap.svg"
    rs 101; tpl_letter v-01 1 > "$work/doc.el"
    svg_of 2000 2800 0 2800 < "$work/doc.el" > "$work/doc.svg"
    vips copy "$work/doc.svg[scale=0.64]" "$work/doc.v"
    vips flatten "$work/doc.v" "$work/doc.png" --background "128 128 128"
    vips crop "$work/cap.svg" "$work/cap.png" 0 0 1280 86
    for f in s0 s2; do vips copy "$work/$f.svg" "$work/$f.png"; done
    cp "$work/s0.svg" "$work/poster.svg"
    fg="[0:v]$(still 4)[a];[1:v]$(still 8),crop=1280:720:0:'(ih-720)*t/8'[d];[2:v]$(still 8 yuva420p)[cap];[d][cap]overlay=0:0[b];[3:v]$(still 3)[c]"
    fg+=";[a][b][c]concat=n=3:v=1:a=0[m];[4:v]$(still $dur yuva420p)[seal];[m][seal]overlay=x='W-w-40':y='H-h-60+12*sin(2*PI*t/3)'[m2]"
    ffmpeg -nostdin -hide_banner -loglevel error -y \
      -i "$work/s0.png" -i "$work/doc.png" -i "$work/cap.png" -i "$work/s2.png" -i "$work/seal.png" \
      -f lavfi -i "color=c=0xb8241c:s=1280x10:r=30:d=$dur" \
      -f lavfi -i "sine=frequency=220:sample_rate=48000:duration=$dur" \
      -filter_complex "$fg;[5:v]format=yuv420p[bar];[m2][bar]overlay=x='-W+W*t/$dur':y='H-10',fade=t=in:st=0:d=0.6,fade=t=out:st=$(( dur - 1 )).3:d=0.7,format=yuv420p[v];[6:a]volume=0.08,tremolo=f=0.5:d=0.5,afade=t=in:st=0:d=1,afade=t=out:st=$(( dur - 2 )):d=2[aud]" \
      -map "[v]" -map "[aud]" -t $dur "${FFENC[@]}" "$tmp"
  else
    dur=18
    slide_svg title "示例视频 · 走进档案（二）" "档案保护小知识" "Sample video · Reading archives (2): caring for archives" "本片为程序生成的示例内容" > "$work/s0.svg"
    slide_svg tip "一、控制温度和湿度" "库房要保持稳定、适宜的温湿度" "1. Control temperature and humidity" "潮湿容易发霉 · Damp encourages mould" > "$work/s1.svg"
    slide_svg tip "二、避免强光照射" "光线会使纸张老化、字迹褪色" "2. Keep records away from strong light" "Light ages paper and fades writing" > "$work/s2.svg"
    slide_svg tip "三、使用无酸装具" "无酸的档案盒和卷皮可以减缓老化" "3. Use acid-free boxes and folders" "不要用胶带粘补档案 · Never mend records with tape" > "$work/s3.svg"
    slide_svg title "爱护档案 · 传承记忆" "Care for archives, pass on memory" "兰台展示终端 · Lantai kiosk" "国际档案日示例展 · International Archives Day (sample)" > "$work/s4.svg"
    for f in s0 s1 s2 s3 s4; do vips copy "$work/$f.svg" "$work/$f.png"; done
    cp "$work/s0.svg" "$work/poster.svg"
    fg="[0:v]$(still 4)[a];[1:v]$(still 4)[b];[2:v]$(still 4)[c];[3:v]$(still 4)[d];[4:v]$(still 2)[e];[a][b][c][d][e]concat=n=5:v=1:a=0[m]"
    fg+=";[5:v]scale=160:160,$(still $dur yuva420p)[seal];[m][seal]overlay=x='40+(W-w-80)*(0.5+0.5*sin(2*PI*t/9))':y='30'[m2]"
    ffmpeg -nostdin -hide_banner -loglevel error -y \
      -i "$work/s0.png" -i "$work/s1.png" -i "$work/s2.png" -i "$work/s3.png" -i "$work/s4.png" -i "$work/seal.png" \
      -f lavfi -i "color=c=0xb8241c:s=1280x10:r=30:d=$dur" \
      -f lavfi -i "sine=frequency=262:sample_rate=48000:duration=$dur" \
      -filter_complex "$fg;[6:v]format=yuv420p[bar];[m2][bar]overlay=x='-W+W*t/$dur':y='H-10',fade=t=in:st=0:d=0.6,fade=t=out:st=$(( dur - 1 )).3:d=0.7,format=yuv420p[v];[7:a]volume=0.08,tremolo=f=0.5:d=0.5,afade=t=in:st=0:d=1,afade=t=out:st=$(( dur - 2 )):d=2[aud]" \
      -map "[v]" -map "[aud]" -t $dur "${FFENC[@]}" "$tmp"
  fi
  local poster="${dest%.mp4}-poster.jpg"
  vips copy "$work/poster.svg" "${poster%.jpg}.tmp$$.jpg[Q=88,strip]"
  mv -f "${poster%.jpg}.tmp$$.jpg" "$poster"
  mv -f "$tmp" "$dest"
}

run_job() { # WORK OUT LINE
  local work=$1 out=$2 path tpl code page
  IFS='|' read -r path tpl code page <<< "$3"
  mkdir -p "$(dirname "$out/$path")"
  case $tpl in
    video1) render_video "$work" 1 "$out/$path" ;;
    video2) render_video "$work" 2 "$out/$path" ;;
    *) render_image "$work" "$tpl" "$code" "$page" "$path" "$out/$path" ;;
  esac
}

# ===========================================================================================
if [[ ${1:-} == --job ]]; then
  shift
  trap 'echo "generate-media.sh: error: failed to make ${3%%|*} (line $LINENO)" >&2' ERR
  run_job "$@"
  exit 0
fi

[[ $# -eq 1 && -n $1 && $1 != -* ]] || { echo "usage: $(basename "$0") OUTDIR" >&2; exit 2; }
command -v vips >/dev/null || die "vips not found (Debian package: libvips-tools)"
command -v ffmpeg >/dev/null || die "ffmpeg not found (Debian package: ffmpeg)"
for t in awk cksum xargs; do command -v $t >/dev/null || die "$t not found"; done
for f in "${FONT_FILES[@]}"; do [[ -f $f ]] || die "font $f not found (Debian package: fonts-noto-cjk)"; done
vips -l 2>/dev/null | grep svgload >/dev/null || die "this vips cannot load SVG (libvips42 built without librsvg)"
ffmpeg -hide_banner -encoders 2>/dev/null | grep libx264 >/dev/null || die "this ffmpeg has no libx264 encoder"
for f in pack.json quiz/archive-knowledge.json; do [[ -f $SRC/$f ]] || die "missing source $SRC/$f"; done

T0=$(date +%s%N)
OUT=$(realpath -m "$1")
STAMP="$OUT.media-stamp"
VERSION="lantai-demo-media $GEN_VERSION $(sha256sum "$SELF" | cut -c1-16)"
mkdir -p "$OUT"

# 1. sources: pack.json, quiz banks, subtitles (copied only when changed, to keep mtimes)
copy_if_changed() { mkdir -p "$(dirname "$2")"; cmp -s "$1" "$2" || cp -f "$1" "$2"; }
ncopied=0
copy_if_changed "$SRC/pack.json" "$OUT/pack.json"; ncopied=$(( ncopied + 1 ))
shopt -s nullglob
for f in "$SRC"/quiz/*.json "$SRC"/videos/*.srt; do
  copy_if_changed "$f" "$OUT/${f#"$SRC"/}"; ncopied=$(( ncopied + 1 ))
done

# 2. media: regenerate everything when the generator changed, else only what is missing
if [[ ! -f $STAMP || $(cat "$STAMP") != "$VERSION" ]]; then
  rm -f "$STAMP"
  while IFS='|' read -r path _; do [[ -n $path ]] && rm -f "$OUT/$path"; done <<< "$MANIFEST"
  for p in $POSTERS; do rm -f "$OUT/$p"; done
fi
jobs_big=() jobs_small=() nall=0
while IFS='|' read -r path tpl code page; do
  [[ -n $path ]] || continue
  nall=$(( nall + 1 ))
  if [[ $tpl == video* ]]; then
    [[ -f $OUT/$path && -f $OUT/${path%.mp4}-poster.jpg ]] && continue
  else
    [[ -f $OUT/$path ]] && continue
  fi
  case $tpl in bigmap|bignews|video*) jobs_big+=("$path|$tpl|$code|$page") ;; *) jobs_small+=("$path|$tpl|$code|$page") ;; esac
done <<< "$MANIFEST"
ngen=$(( ${#jobs_big[@]} + ${#jobs_small[@]} ))
if (( ngen > 0 )); then
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/lantai-demo-media.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
  if (( ${#jobs_small[@]} > 0 )); then
    make_grain "$WORK" 2000 2800 400 "$WORK/grain-2000x2800.v"
    make_grain "$WORK" 2800 2000 400 "$WORK/grain-2800x2000.v"
  fi
  NJ=${LANTAI_JOBS:-$(nproc 2>/dev/null || echo 2)}
  # the long jobs (large scans, videos) first so that they overlap with the small ones
  printf '%s\n' "${jobs_big[@]}" "${jobs_small[@]}" | grep -v '^$' \
    | xargs -d '\n' -P "$NJ" -I{} bash "$SELF" --job "$WORK" "$OUT" {} \
    || die "media generation failed (see the messages above)"
fi
echo "$VERSION" > "$STAMP"

# 3. check: everything the manifest names is there
while IFS='|' read -r path _; do
  [[ -z $path || -s $OUT/$path ]] || die "expected $OUT/$path was not generated"
done <<< "$MANIFEST"
T1=$(date +%s%N)
echo "generate-media.sh: demo pack ready in $OUT: $nall media files ($ngen generated, $(( nall - ngen )) up to date), $ncopied source files, $(( (T1 - T0) / 1000000 )) ms"
