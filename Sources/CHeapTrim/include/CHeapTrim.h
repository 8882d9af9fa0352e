#ifndef ORGTOP_CHEAPTRIM_H
#define ORGTOP_CHEAPTRIM_H

/* Returns the whole free pages of every malloc heap to the system (glibc's malloc_trim(0),
   which Swift's Glibc module does not import). Returns 1 if memory was released, 0 if not or
   where the C library is not glibc (Darwin's allocator returns pages itself). */
int heap_trim(void);

/* Drops this process's resident pages of its own executable's code (madvise MADV_DONTNEED on
   its r-xp mappings): they are clean copies of the file, and the code still in use faults
   back in from the page cache. Returns the bytes of mappings dropped; 0 where /proc is not
   Linux's. */
long code_trim(void);

#endif
