# Runs the CLI under valgrind; the CLI may answer 0 (valid) or 1 (invalid),
# anything valgrind reports (exit 99) or a crash fails the test.
# Usage: cmake -DVALGRIND=... -DROI=... -DINPUT=... -P valgrind_check.cmake
execute_process(
  COMMAND ${VALGRIND} --quiet --error-exitcode=99 --leak-check=full
          --show-leak-kinds=all --errors-for-leak-kinds=all ${ROI} eval ${INPUT}
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT (rc EQUAL 0 OR rc EQUAL 1))
  message(FATAL_ERROR "valgrind or the CLI failed (exit ${rc}) on ${INPUT}:\n${err}")
endif()
message(STATUS "clean under valgrind (CLI exit ${rc}): ${INPUT}")
