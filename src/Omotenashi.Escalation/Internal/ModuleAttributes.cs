// Stack buffers in the hot path are always written before they are read; zeroing ~25 KB per Decide call
// would cost more than the decision itself.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
