#!/usr/bin/env bash
# Prints how long the shared link of every worked example in tests/fixtures/ is
# (issue 12: long links stay practical; chat tools and CRMs tend to cut a link
# at about 2 000 characters, and the printed report draws it as a 3.5 cm QR
# code).  Per fixture: the characters of the fragment as `roi link encode`
# prints it, of the whole link (BASE + fragment, BASE being the page's address
# with its '#', by default the docs' https://calc.example/index.html?lang=fr#),
# and the QR code `roi link qr` draws for the whole link (version, modules).
# Links are ASCII (the encoder percent-encodes the rest): characters = bytes.
#
# Usage: scripts/link-lengths.sh [--roi PATH] [--base URL#] [--check FILE MAX]
#   --roi PATH        the CLI (default: build/test/roi, else build/release/roi)
#   --base URL#       what goes before the fragment
#   --check FILE MAX  also exit 1 when the whole link of tests/fixtures/FILE is
#                     longer than MAX characters (ctest link_length_*)
# Exit status: 0 done, 1 a checked link is too long, 2 usage or a CLI failure.
set -euo pipefail
cd "$(dirname "$0")/.."

roi="" base="https://calc.example/index.html?lang=fr#" check_file="" check_max=""
while [ $# -gt 0 ]; do
  case "$1" in
    --roi) roi="$2"; shift 2 ;;
    --base) base="$2"; shift 2 ;;
    --check) check_file="$2"; check_max="$3"; shift 3 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "link-lengths: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$roi" ]; then
  for r in build/test/roi build/release/roi; do
    if [ -x "$r" ]; then roi=$r; break; fi
  done
fi
if [ -z "$roi" ] || [ ! -x "$roi" ]; then
  echo "link-lengths: no CLI (build it, or give --roi PATH)" >&2
  exit 2
fi

status=0
printf '%-40s %9s %9s %12s\n' "fixture" "fragment" "link" "QR code"
for file in tests/fixtures/*.json; do
  name=$(basename "$file")
  if ! fragment=$("$roi" link encode "$file"); then
    echo "link-lengths: roi link encode $file failed" >&2
    exit 2
  fi
  link="$base$fragment"
  # The SVG's viewBox is the symbol plus a 4-module quiet zone on each side.
  qr="-"
  if svg=$(printf '%s' "$link" | "$roi" link qr - 2>/dev/null); then
    side=$(printf '%s' "$svg" | sed -n 's/.*viewBox="0 0 \([0-9]*\) .*/\1/p' | head -n 1)
    if [ -n "$side" ]; then
      modules=$((side - 8))
      qr="v$(((modules - 17) / 4)) ${modules}x${modules}"
    fi
  else
    qr="too long"
  fi
  printf '%-40s %9d %9d %12s\n' "$name" "${#fragment}" "${#link}" "$qr"
  if [ "$name" = "$check_file" ] && [ "${#link}" -gt "$check_max" ]; then
    echo "link-lengths: the link of $name is ${#link} characters, over $check_max" >&2
    status=1
  fi
done
if [ -n "$check_file" ] && [ ! -f "tests/fixtures/$check_file" ]; then
  echo "link-lengths: no tests/fixtures/$check_file" >&2
  exit 2
fi
exit $status
