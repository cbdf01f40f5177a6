// Test-only LD_PRELOAD library for Reliability/PowerLoss: before the server changes its database files it records
// what the change overwrites, and it records every fsync of them, so that after a SIGKILL the test can undo each
// change that no completed fsync covered: the disk a power loss would leave (docs/reliability.md, Power loss).
//
// Environment:
//   UNSYNCED_DATABASE    the database path; the file, its -wal and its -journal are tracked. The -shm file is not:
//                        it is not durable state, and the test deletes it after the kill as a reboot would.
//   UNSYNCED_JOURNAL     the file the records go to.
//   UNSYNCED_DROP_FSYNC  "1": fsync and fdatasync of tracked files return 0 and do nothing (a server that skips its
//                        fsync; the test shows that it then loses acknowledged writes).
//
// The journal is a sequence of records, each a struct record followed by `length` bytes (UnsyncedWrites.cs reads it):
//   'W'  before a write, ftruncate or fallocate of `file`: its size was `size`, and the `length` bytes that follow were
//        at `offset`. Undone by writing them back and truncating the file to `size`, newest record first.
//   'B'  an fsync of `file` begins (`offset` is its number); every 'W' of that file before it had completed.
//   'E'  that fsync returned 0: the writes recorded before its 'B' are on disk.
//   'U'  the path of `file` was unlinked: the records before it describe a file that no longer exists.
// A 'W' is complete in the journal before the change it describes starts, and the 'W' and the change are made under
// one lock that 'B' also takes, so a 'B' never sits between a pre-image and its write. The journal itself is never
// fsync'ed: it only has to survive a SIGKILL of the server, which leaves the page cache to the test.
//
// Intercepted: every call through which e_sqlite3 (SQLite) and .NET's file APIs write, truncate or sync a file, as
// listed by `objdump -T libe_sqlite3.so libSystem.Native.so`. A writable shared mapping, O_DIRECT, O_APPEND, O_SYNC
// or a rename of a tracked file is not modelled and aborts the server, so the test cannot pass by missing a write.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

struct record
{
    char kind;
    char file;
    char unused[2];
    uint32_t length;
    int64_t offset;
    int64_t size;
};
_Static_assert(sizeof(struct record) == 24, "UnsyncedWrites.cs reads 24-byte headers");

enum { DATABASE, WAL, ROLLBACK_JOURNAL, TRACKED };
static const char *const suffixes[TRACKED] = { "", "-wal", "-journal" };
static char tracked_paths[TRACKED][PATH_MAX];

#define MAX_FD 65536
static signed char fd_file[MAX_FD]; // per descriptor: the tracked file's index + 1, or 0

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int journal = -1;
static int drop_fsync;
static int64_t syncs;

// The next definition of `name` after this library (libc's), looked up on first use: other libraries' constructors
// may call in before this one's has run.
#define REAL(name) \
    static __typeof__(name) *real_##name; \
    if (!real_##name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

static void fail(const char *what)
{
    fprintf(stderr, "unsynced_writes: %s\n", what);
    abort();
}

// The absolute path with symbolic links resolved in its folder; the file itself need not exist.
static int canonical(const char *path, char *result)
{
    char folder[PATH_MAX], resolved[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    if (!slash) strcpy(folder, ".");
    else if (slash == path) strcpy(folder, "/");
    else snprintf(folder, sizeof folder, "%.*s", (int)(slash - path), path);
    if (!realpath(folder, resolved)) return 0;
    return snprintf(result, PATH_MAX, "%s/%s", strcmp(resolved, "/") == 0 ? "" : resolved, name) < PATH_MAX;
}

static int tracked_file(const char *canonical_path)
{
    for (int file = 0; file < TRACKED; file++)
        if (strcmp(canonical_path, tracked_paths[file]) == 0) return file;
    return -1;
}

static int tracked_path(const char *path)
{
    char resolved[PATH_MAX];
    return canonical(path, resolved) ? tracked_file(resolved) : -1;
}

static int tracked(int fd) { return fd >= 0 && fd < MAX_FD && fd_file[fd] != 0; }

__attribute__((constructor)) static void init(void)
{
    const char *database = getenv("UNSYNCED_DATABASE"), *journal_path = getenv("UNSYNCED_JOURNAL");
    char resolved[PATH_MAX];
    if (!database || !journal_path || !canonical(database, resolved)) fail("UNSYNCED_DATABASE and UNSYNCED_JOURNAL must name files");
    for (int file = 0; file < TRACKED; file++)
        if (snprintf(tracked_paths[file], PATH_MAX, "%s%s", resolved, suffixes[file]) >= PATH_MAX) fail("UNSYNCED_DATABASE is too long");
    REAL(open);
    journal = real_open(journal_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (journal < 0) fail("cannot create UNSYNCED_JOURNAL");
    drop_fsync = getenv("UNSYNCED_DROP_FSYNC") && strcmp(getenv("UNSYNCED_DROP_FSYNC"), "1") == 0;
}

static void write_all(const void *data, size_t length)
{
    REAL(write);
    for (const char *next = data; length > 0;)
    {
        ssize_t written = real_write(journal, next, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) fail("cannot write the journal");
        next += written;
        length -= (size_t)written;
    }
}

static void append(char kind, int file, int64_t offset, int64_t size, const void *data, uint32_t length)
{
    struct record record = { .kind = kind, .file = (char)file, .length = length, .offset = offset, .size = size };
    write_all(&record, sizeof record);
    write_all(data, length);
}

// Opening: a descriptor is tracked when the kernel names a tracked path for it, whatever path or folder descriptor
// it was opened by. Descriptors made by dup are not tracked; neither SQLite nor .NET duplicates a database's.
static int opened(int fd, int flags)
{
    if (fd < 0) return fd;
    int saved = errno, file = -1;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, path, sizeof path - 1);
    if (length > 0)
    {
        path[length] = '\0';
        file = tracked_file(path);
    }
    if (file >= 0 && fd >= MAX_FD) fail("a tracked file got a descriptor beyond the table");
    if (file >= 0 && (flags & (O_DIRECT | O_APPEND | O_SYNC | O_DSYNC))) fail("O_DIRECT, O_APPEND or O_SYNC on a tracked file is not modelled");
    if (fd < MAX_FD) fd_file[fd] = (signed char)(file + 1);
    errno = saved;
    return fd;
}

#define MODE(flags) \
    mode_t mode = 0; \
    if (((flags) & O_CREAT) || ((flags) & O_TMPFILE) == O_TMPFILE) \
    { \
        va_list arguments; \
        va_start(arguments, flags); \
        mode = (mode_t)va_arg(arguments, int); \
        va_end(arguments); \
    }

int open(const char *path, int flags, ...) { MODE(flags); REAL(open); return opened(real_open(path, flags, mode), flags); }
int open64(const char *path, int flags, ...) { MODE(flags); REAL(open64); return opened(real_open64(path, flags, mode), flags); }
int openat(int folder, const char *path, int flags, ...) { MODE(flags); REAL(openat); return opened(real_openat(folder, path, flags, mode), flags); }
int openat64(int folder, const char *path, int flags, ...) { MODE(flags); REAL(openat64); return opened(real_openat64(folder, path, flags, mode), flags); }

int close(int fd)
{
    REAL(close);
    if (fd >= 0 && fd < MAX_FD) fd_file[fd] = 0;
    return real_close(fd);
}

// Changing: takes the lock and records the pre-image of [offset, offset + length) and the size, before the change;
// end_change lets go once the change is made.
static void begin_change(int fd, int64_t offset, uint64_t length)
{
    int saved = errno;
    pthread_mutex_lock(&lock);
    struct stat status;
    if (fstat(fd, &status) != 0) fail("cannot stat a tracked file");
    uint64_t old = offset >= status.st_size ? 0 : (uint64_t)(status.st_size - offset);
    if (old > length) old = length;
    if (old > UINT32_MAX) fail("a pre-image over 4 GiB");
    char *data = malloc(old ? old : 1);
    if (!data) fail("out of memory");
    for (uint64_t done = 0; done < old;)
    {
        ssize_t got = pread(fd, data + done, old - done, offset + (int64_t)done);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) fail("cannot read a tracked file's pre-image (opened write-only?)");
        done += (uint64_t)got;
    }
    append('W', fd_file[fd] - 1, offset, status.st_size, data, (uint32_t)old);
    free(data);
    errno = saved;
}

static void end_change(void)
{
    int saved = errno;
    pthread_mutex_unlock(&lock);
    errno = saved;
}

static int64_t position(int fd)
{
    off_t offset = lseek(fd, 0, SEEK_CUR);
    if (offset < 0) fail("cannot find a tracked file's position");
    return offset;
}

static uint64_t total(const struct iovec *vectors, int count)
{
    uint64_t sum = 0;
    for (int i = 0; i < count; i++) sum += vectors[i].iov_len;
    return sum;
}

#define CHANGE(type, fd, offset, length, call) \
    if (!tracked(fd)) return call; \
    begin_change(fd, offset, length); \
    type result = call; \
    end_change(); \
    return result

ssize_t write(int fd, const void *data, size_t count) { REAL(write); CHANGE(ssize_t, fd, position(fd), count, real_write(fd, data, count)); }
ssize_t pwrite(int fd, const void *data, size_t count, off_t offset) { REAL(pwrite); CHANGE(ssize_t, fd, offset, count, real_pwrite(fd, data, count, offset)); }
ssize_t pwrite64(int fd, const void *data, size_t count, off64_t offset) { REAL(pwrite64); CHANGE(ssize_t, fd, offset, count, real_pwrite64(fd, data, count, offset)); }
ssize_t pwritev(int fd, const struct iovec *vectors, int count, off_t offset) { REAL(pwritev); CHANGE(ssize_t, fd, offset, total(vectors, count), real_pwritev(fd, vectors, count, offset)); }
ssize_t pwritev64(int fd, const struct iovec *vectors, int count, off64_t offset) { REAL(pwritev64); CHANGE(ssize_t, fd, offset, total(vectors, count), real_pwritev64(fd, vectors, count, offset)); }
// Truncating records everything from the new end on (nothing when the file grows); the old size is in every record.
int ftruncate(int fd, off_t length) { REAL(ftruncate); CHANGE(int, fd, length, UINT64_MAX, real_ftruncate(fd, length)); }
int ftruncate64(int fd, off64_t length) { REAL(ftruncate64); CHANGE(int, fd, length, UINT64_MAX, real_ftruncate64(fd, length)); }
int fallocate(int fd, int mode, off_t offset, off_t length) { REAL(fallocate); CHANGE(int, fd, offset, (uint64_t)length, real_fallocate(fd, mode, offset, length)); }
int fallocate64(int fd, int mode, off64_t offset, off64_t length) { REAL(fallocate64); CHANGE(int, fd, offset, (uint64_t)length, real_fallocate64(fd, mode, offset, length)); }

static int sync_file(int fd, int (*real_sync)(int))
{
    if (!tracked(fd)) return real_sync(fd);
    if (drop_fsync) return 0;
    int file = fd_file[fd] - 1;
    pthread_mutex_lock(&lock);
    int64_t number = ++syncs;
    append('B', file, number, 0, NULL, 0);
    pthread_mutex_unlock(&lock);
    int result = real_sync(fd);
    int saved = errno;
    if (result == 0)
    {
        pthread_mutex_lock(&lock);
        append('E', file, number, 0, NULL, 0);
        pthread_mutex_unlock(&lock);
    }
    errno = saved;
    return result;
}

int fsync(int fd) { REAL(fsync); return sync_file(fd, real_fsync); }
int fdatasync(int fd) { REAL(fdatasync); return sync_file(fd, real_fdatasync); }

int unlink(const char *path)
{
    REAL(unlink);
    int file = tracked_path(path);
    if (file < 0) return real_unlink(path);
    pthread_mutex_lock(&lock);
    int result = real_unlink(path);
    int saved = errno;
    if (result == 0) append('U', file, 0, 0, NULL, 0);
    pthread_mutex_unlock(&lock);
    errno = saved;
    return result;
}

int rename(const char *from, const char *to)
{
    REAL(rename);
    if (tracked_path(from) >= 0 || tracked_path(to) >= 0) fail("renaming a tracked file is not modelled");
    return real_rename(from, to);
}

static void check_mapping(int fd, int protection, int flags)
{
    if (tracked(fd) && (protection & PROT_WRITE) && (flags & MAP_SHARED)) fail("a writable shared mapping of a tracked file is not modelled");
}

void *mmap(void *address, size_t length, int protection, int flags, int fd, off_t offset)
{
    REAL(mmap);
    check_mapping(fd, protection, flags);
    return real_mmap(address, length, protection, flags, fd, offset);
}

void *mmap64(void *address, size_t length, int protection, int flags, int fd, off64_t offset)
{
    REAL(mmap64);
    check_mapping(fd, protection, flags);
    return real_mmap64(address, length, protection, flags, fd, offset);
}
