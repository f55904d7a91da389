# Fails when an object file of the pure arithmetic references the allocator.
# Usage: cmake -DOBJECTS="a.o;b.o" -P no_alloc.cmake
find_program(NM nm REQUIRED)
string(REPLACE " " ";" OBJECTS "${OBJECTS}")
foreach(obj ${OBJECTS})
  execute_process(COMMAND ${NM} -u ${obj} OUTPUT_VARIABLE undefined RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nm failed on ${obj}")
  endif()
  if(undefined MATCHES "(^|[ \n])(malloc|calloc|realloc|free|aligned_alloc|strdup)\n")
    message(FATAL_ERROR "${obj} references the allocator:\n${undefined}")
  endif()
  message(STATUS "${obj}: no allocator symbol")
endforeach()
