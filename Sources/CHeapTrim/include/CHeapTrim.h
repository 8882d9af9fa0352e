#ifndef ORGTOP_CHEAPTRIM_H
#define ORGTOP_CHEAPTRIM_H

/* Returns the whole free pages of every malloc heap to the system (glibc's malloc_trim(0),
   which Swift's Glibc module does not import). Returns 1 if memory was released, 0 if not or
   where the C library is not glibc (Darwin's allocator returns pages itself). */
int heap_trim(void);

#endif
