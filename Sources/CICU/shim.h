// Only carries ICU's pkg-config flags to the C shim; no Swift module imports this directly.
#include <unicode/utypes.h>
