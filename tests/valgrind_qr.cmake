# Runs `roi link qr` (SVG and PBM) under valgrind on a text that needs version
# 37; anything valgrind reports (exit 99) or a failure of the CLI fails the test.
# Usage: cmake -DVALGRIND=... -DROI=... -DWORK=dir -P valgrind_qr.cmake
cmake_minimum_required(VERSION 3.16)
file(MAKE_DIRECTORY ${WORK})
string(REPEAT "https://calc.example/#v=1&n=Caf%C3%A9&vol=50&close=0.25&" 50 text)
string(SUBSTRING "${text}" 0 2500 text)
file(WRITE ${WORK}/link.txt "${text}")
foreach(format "" "--pbm")
  execute_process(
    COMMAND ${VALGRIND} --quiet --error-exitcode=99 --leak-check=full
            --show-leak-kinds=all --errors-for-leak-kinds=all ${ROI} link qr ${format} -
    INPUT_FILE ${WORK}/link.txt OUTPUT_QUIET RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "valgrind or the CLI failed (exit ${rc}) on link qr ${format}:\n${err}")
  endif()
  message(STATUS "clean under valgrind: roi link qr ${format}")
endforeach()
