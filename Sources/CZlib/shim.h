// zlib from the system (Debian's zlib1g-dev, which libxml2-dev already needs): the journal's compression.
#include <zlib.h>

// deflateInit2 and inflateInit2 are macros that pass the library's version and the stream's size, which
// Swift cannot expand.
static inline int lede_deflate_init(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}
static inline int lede_inflate_init(z_streamp stream) { return inflateInit2(stream, -15); }
