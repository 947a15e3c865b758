/**
 * sharp as the images collection uses it. An upload is decoded once per size (Payload makes the
 * sizes in parallel from the original): libvips' operation cache would keep those decoded images
 * after the request, and one thread per core per pipeline multiplies the buffers in flight. Both
 * are turned down so that a 40 MP photo fits the server's memory (README, Limits).
 */
import sharp from 'sharp'

sharp.cache(false)
sharp.concurrency(1)

export { sharp as imageSharp }
