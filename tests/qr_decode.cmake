# Reads back what `roi link qr --pbm` draws with an independent decoder (zbar)
# and compares the bytes with the input: the decisive test of the QR encoder.
# Usage: cmake -DROI=... -DZBARIMG=... -DWORK=dir -DGROUP=links|masks|levels|versions
#              -P qr_decode.cmake
#   links     the example links and texts, at the default level, L and M
#   masks     every mask pattern (--mask 0..7), at two levels
#   levels    every error-correction level (--ecc L|M|Q|H)
#   versions  every version 1..40 filled exactly to its capacity, and one byte
#             more (the next version, or refused after 40); checks the size
cmake_minimum_required(VERSION 3.16)
if(NOT ZBARIMG)
  message(FATAL_ERROR "zbarimg not found: install zbar-tools (scripts/setup.sh)")
endif()
file(MAKE_DIRECTORY ${WORK})

# Byte-mode capacities of versions 1..40 (ISO/IEC 18004 table 7), per level.
set(CAP_L 17 32 53 78 106 134 154 192 230 271 321 367 425 458 520 586 644 718 792 858
          929 1003 1091 1171 1273 1367 1465 1528 1628 1732 1840 1952 2068 2188 2303 2431
          2563 2699 2809 2953)
set(CAP_M 14 26 42 62 84 106 122 152 180 213 251 287 331 362 412 450 504 560 624 666
          711 779 857 911 997 1059 1125 1190 1264 1370 1452 1538 1628 1722 1809 1911
          1989 2099 2213 2331)
set(CAP_Q 11 20 32 46 60 74 86 108 130 151 177 203 241 258 292 322 364 394 442 482
          509 565 611 661 715 751 805 868 908 982 1030 1112 1168 1228 1283 1351 1423
          1499 1579 1663)
set(CAP_H 7 14 24 34 44 58 64 84 98 119 137 155 177 194 220 250 280 310 338 382
          403 439 461 511 535 593 625 658 698 742 790 842 898 958 983 1051 1093 1139
          1219 1273)

set(EXAMPLE "https://example.com/")
set(LINK "https://calc.example/index.html#v=1&n=Campagne+factur%C3%A9e+au+rendez-vous&entry=meetings&model=per_meeting&vol=50&close=0.25&deal=6000&margin=0.4&pmeet=120")
set(UTF8 "Campagne facturée au rendez-vous — 50 € · Zürich · Ελληνικά · 日本語 · 😀")

# A link of exactly n bytes: the example link, then channels until long enough.
function(long_link n out)
  set(text "${LINK}")
  set(i 0)
  string(LENGTH "${text}" len)
  while(len LESS n)
    string(APPEND text "&c${i}.n=Canal+n%C2%B0${i}&c${i}.vol=${i}00&c${i}.close=0.0${i}&c${i}.deal=1${i}50")
    math(EXPR i "${i} + 1")
    string(LENGTH "${text}" len)
  endwhile()
  string(SUBSTRING "${text}" 0 ${n} text)
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(failures 0)
set(checks 0)

# Inside check functions: report a failure and count it in the caller's scope.
macro(failed)
  message(SEND_ERROR ${ARGN})
  math(EXPR n "${failures} + 1")
  set(failures ${n} PARENT_SCOPE)
endmacro()

# Encodes text with the options, decodes the PBM, compares the bytes.
# expect_version: the version the size must show, or 0 for any.
function(check name text options expect_version)
  set(in ${WORK}/${name}.txt)
  set(pbm ${WORK}/${name}.pbm)
  set(out ${WORK}/${name}.out)
  file(WRITE ${in} "${text}")
  separate_arguments(opts UNIX_COMMAND "${options}")
  execute_process(COMMAND ${ROI} link qr --pbm ${opts} - INPUT_FILE ${in} OUTPUT_FILE ${pbm}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  math(EXPR n "${checks} + 1")
  set(checks ${n} PARENT_SCOPE)
  if(NOT rc EQUAL 0)
    failed("${name}: roi link qr ${options} exited ${rc}: ${err}")
    return()
  endif()
  file(STRINGS ${pbm} header LIMIT_COUNT 2)
  list(GET header 1 dims)
  string(REGEX REPLACE " .*" "" width "${dims}")
  math(EXPR version "(${width} / 4 - 8 - 17) / 4")
  execute_process(COMMAND ${ZBARIMG} --nodbus --quiet --raw -Sbinary ${pbm}
                  OUTPUT_FILE ${out} RESULT_VARIABLE zrc ERROR_VARIABLE zerr)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${in} ${out} RESULT_VARIABLE diff)
  if(NOT zrc EQUAL 0 OR NOT diff EQUAL 0)
    failed("${name} (version ${version}, ${options}): zbar read something else "
         "(zbarimg exit ${zrc}) ${zerr}; see ${in} and ${out}")
  elseif(expect_version AND NOT version EQUAL expect_version)
    failed("${name} (${options}): version ${version}, expected ${expect_version}")
  else()
    message(STATUS "ok ${name}: version ${version} ${options}")
  endif()
endfunction()

# The text must be refused with exit 1.
function(check_refused name text options)
  set(in ${WORK}/${name}.txt)
  file(WRITE ${in} "${text}")
  separate_arguments(opts UNIX_COMMAND "${options}")
  execute_process(COMMAND ${ROI} link qr --pbm ${opts} - INPUT_FILE ${in}
                  OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE rc)
  math(EXPR n "${checks} + 1")
  set(checks ${n} PARENT_SCOPE)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "do not fit")
    failed("${name}: expected a refusal (exit 1), got exit ${rc}: ${err}")
  else()
    message(STATUS "ok ${name}: refused ${options}")
  endif()
endfunction()

if(GROUP STREQUAL "links")
  long_link(1000 LINK1000)
  long_link(2500 LINK2500)
  foreach(item EXAMPLE LINK UTF8 LINK1000 LINK2500)
    check(${item}_default "${${item}}" "" 0)
    check(${item}_L "${${item}}" "--ecc L" 0)
    if(item STREQUAL "LINK2500")
      check_refused(${item}_M "${${item}}" "--ecc M")
    else()
      check(${item}_M "${${item}}" "--ecc M" 0)
    endif()
  endforeach()
elseif(GROUP STREQUAL "masks")
  long_link(400 LINK400)
  foreach(mask RANGE 7)
    check(link_mask${mask} "${LINK}" "--mask ${mask}" 0)
    check(utf8_mask${mask}_H "${UTF8}" "--ecc H --mask ${mask}" 0)
    check(link400_mask${mask}_Q "${LINK400}" "--ecc Q --mask ${mask}" 0)
  endforeach()
elseif(GROUP STREQUAL "levels")
  long_link(600 LINK600)
  foreach(level L M Q H)
    foreach(item EXAMPLE LINK UTF8 LINK600)
      check(${item}_${level} "${${item}}" "--ecc ${level}" 0)
    endforeach()
  endforeach()
elseif(GROUP STREQUAL "versions")
  # Version v at level L, M, Q, H in turn, so that every level sees every
  # block structure family; all 40 versions and both count-field widths.
  set(levels L M Q H)
  foreach(v RANGE 1 40)
    math(EXPR li "${v} % 4")
    list(GET levels ${li} level)
    math(EXPR vi "${v} - 1")
    list(GET CAP_${level} ${vi} cap)
    math(EXPR over "${cap} + 1")
    math(EXPR next "${v} + 1")
    long_link(${over} text)
    string(SUBSTRING "${text}" 0 ${cap} exact)
    check(v${v}_${level}_full "${exact}" "--ecc ${level}" ${v})
    if(v LESS 40)
      if(v LESS 12) # the larger ones are decoded at their own capacity already
        check(v${v}_${level}_over "${text}" "--ecc ${level}" ${next})
      endif()
    else()
      check_refused(v40_${level}_over "${text}" "--ecc ${level}")
    endif()
  endforeach()
  # Version 40 got level L above; fill it at the other levels too.
  foreach(level M Q H)
    list(GET CAP_${level} 39 cap)
    long_link(${cap} text)
    check(v40_${level}_full "${text}" "--ecc ${level}" 40)
  endforeach()
else()
  message(FATAL_ERROR "unknown GROUP '${GROUP}'")
endif()

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} of ${checks} QR codes were not read back exactly")
endif()
message(STATUS "${checks} QR codes read back exactly by zbar")
