#include "CHeapTrim.h"

/* Any libc header defines __GLIBC__ (through <features.h>) where the C library is glibc; it
   must come before the test below, or the test is always false and heap_trim does nothing. */
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int heap_trim(void) {
#if defined(__GLIBC__)
  return malloc_trim(0);
#else
  return 0;
#endif
}
