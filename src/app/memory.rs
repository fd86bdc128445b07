//! Giving memory back to the system after a big document finishes loading. The parser's
//! temporary structures are freed by then, but glibc keeps freed small allocations in its heap,
//! so the reader would go on holding the parse's peak as resident memory.

/// Return freed heap memory to the operating system (glibc only; elsewhere nothing to do).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only walks glibc's own heap; it takes no pointers from us and is
        // safe to call at any time from any thread.
        unsafe {
            malloc_trim(0);
        }
    }
}
