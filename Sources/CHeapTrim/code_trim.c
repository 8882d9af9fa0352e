#include "CHeapTrim.h"

#if defined(__linux__)
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

long code_trim(void) {
  char exe[4096];
  ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (length <= 0) return 0;
  exe[length] = '\0';
  FILE *maps = fopen("/proc/self/maps", "r");
  if (maps == NULL) return 0;
  long dropped = 0;
  char line[4352];
  while (fgets(line, sizeof line, maps) != NULL) {
    unsigned long start, end;
    char permissions[5];
    int path_at = 0;
    if (sscanf(line, "%lx-%lx %4s %*s %*s %*s %n", &start, &end, permissions, &path_at) < 3)
      continue;
    /* Executable and never written: code is not relocated in a position-independent
       executable, so dropping it loses nothing (read-only data may hold relocated pages). */
    if (strcmp(permissions, "r-xp") != 0 || path_at == 0) continue;
    char *path = line + path_at;
    path[strcspn(path, "\n")] = '\0';
    if (strcmp(path, exe) != 0) continue;
    if (madvise((void *)start, end - start, MADV_DONTNEED) == 0)
      dropped += (long)(end - start);
  }
  fclose(maps);
  return dropped;
}
#else
long code_trim(void) { return 0; }
#endif
