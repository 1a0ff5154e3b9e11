// libxml2's HTML parser and tree (Debian's libxml2-dev), iconv for page charsets, and zlib (which libxml2
// itself links) for gzip-compressed pages.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy Foundation carries; nothing here uses
// libxml2's ICU converters (pages are converted to UTF-8 with iconv first).
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <iconv.h>
#include <zlib.h>

// xmlFree is a macro or a global function pointer, neither of which Swift can call safely.
static inline void lede_xml_free(void *p) { xmlFree(p); }

// An attribute's value, to be freed with lede_xml_free.
static inline xmlChar *lede_attr_value(xmlAttrPtr a) { return xmlNodeListGetString(a->doc, a->children, 1); }
