"""Small but real audio and video files for the column types' demo content, made without external tools.

The demo must play in a browser on a machine without ffmpeg, and ship no
binary files. Audio is a WAV chime written with the standard library's
``wave``. Video is an H.264 Baseline stream in an MP4 file: the first frame is
coded with I_PCM macroblocks (raw samples, which any decoder accepts and which
need no transform or entropy coder), the following frames repeat it as fully
skipped P frames, so a few seconds of video cost one raw frame. Both are pure
functions of their arguments, which keeps seeding idempotent.
"""

import io
import math
import struct
import wave

from django.core.files.base import ContentFile

from wagtailmedia.models import get_media_model

from demo.images import draw_image

WAV_RATE = 8000
MOVIE_TIMESCALE = 1000
PROFILE_BASELINE = 66
LEVEL_3_0 = 30


def chime_wav_bytes(seconds=6, notes=(523.25, 659.25, 783.99)):
    """A mono 8 kHz WAV: a soft three-note chime, as programmes on the radio open, then quiet."""
    frames = bytearray()
    note_length = 0.6
    for index in range(int(seconds * WAV_RATE)):
        moment = index / WAV_RATE
        note = int(moment // note_length)
        level = 0.0
        if note < len(notes):
            local = moment - note * note_length
            level = 0.35 * math.exp(-3 * local) * math.sin(2 * math.pi * notes[note] * moment)
        frames.append(128 + int(127 * level))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as output:
        output.setnchannels(1)
        output.setsampwidth(1)
        output.setframerate(WAV_RATE)
        output.writeframes(bytes(frames))
    return buffer.getvalue()


class _Bits:
    """An MSB-first bit writer with the Exp-Golomb codes of H.264."""

    def __init__(self):
        self.bits = []

    def u(self, count, value):
        self.bits.extend((value >> shift) & 1 for shift in range(count - 1, -1, -1))

    def ue(self, value):
        code = value + 1
        self.u(2 * code.bit_length() - 1, code)

    def se(self, value):
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align_zero(self):
        while len(self.bits) % 8:
            self.bits.append(0)

    def raw(self, data):
        assert len(self.bits) % 8 == 0
        for byte in data:
            self.u(8, byte)

    def rbsp(self):
        """The bits with rbsp_trailing_bits, as bytes."""
        self.bits.append(1)
        self.align_zero()
        return bytes(int("".join(map(str, self.bits[i : i + 8])), 2) for i in range(0, len(self.bits), 8))


def _nal(ref_idc, unit_type, rbsp):
    """A NAL unit: header byte, then the payload with emulation prevention bytes."""
    out = bytearray([(ref_idc << 5) | unit_type])
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def _sps(width_mbs, height_mbs):
    bits = _Bits()
    bits.u(8, PROFILE_BASELINE)
    bits.u(8, 0b11000000)  # constraint_set0 and constraint_set1: decodable by Baseline and Main decoders
    bits.u(8, LEVEL_3_0)
    bits.ue(0)  # seq_parameter_set_id
    bits.ue(0)  # log2_max_frame_num_minus4
    bits.ue(2)  # pic_order_cnt_type: order follows frame_num
    bits.ue(1)  # max_num_ref_frames
    bits.u(1, 0)  # gaps_in_frame_num_value_allowed_flag
    bits.ue(width_mbs - 1)
    bits.ue(height_mbs - 1)
    bits.u(1, 1)  # frame_mbs_only_flag
    bits.u(1, 1)  # direct_8x8_inference_flag
    bits.u(1, 0)  # frame_cropping_flag
    bits.u(1, 0)  # vui_parameters_present_flag
    return _nal(3, 7, bits.rbsp())


def _pps():
    bits = _Bits()
    bits.ue(0)  # pic_parameter_set_id
    bits.ue(0)  # seq_parameter_set_id
    bits.u(1, 0)  # entropy_coding_mode_flag: CAVLC
    bits.u(1, 0)  # bottom_field_pic_order_in_frame_present_flag
    bits.ue(0)  # num_slice_groups_minus1
    bits.ue(0)  # num_ref_idx_l0_default_active_minus1
    bits.ue(0)  # num_ref_idx_l1_default_active_minus1
    bits.u(1, 0)  # weighted_pred_flag
    bits.u(2, 0)  # weighted_bipred_idc
    bits.se(0)  # pic_init_qp_minus26
    bits.se(0)  # pic_init_qs_minus26
    bits.se(0)  # chroma_qp_index_offset
    bits.u(1, 1)  # deblocking_filter_control_present_flag
    bits.u(1, 0)  # constrained_intra_pred_flag
    bits.u(1, 0)  # redundant_pic_cnt_present_flag
    return _nal(3, 8, bits.rbsp())


def _planes(image):
    """Y, Cb and Cr planes (BT.601, 4:2:0) of a PIL image, samples kept within 1..254."""
    width, height = image.size
    ycbcr = image.convert("YCbCr")
    luma = [min(max(value, 1), 254) for value in ycbcr.getchannel("Y").tobytes()]
    half = ycbcr.resize((width // 2, height // 2))
    blue = [min(max(value, 1), 254) for value in half.getchannel("Cb").tobytes()]
    red = [min(max(value, 1), 254) for value in half.getchannel("Cr").tobytes()]
    return luma, blue, red


def _idr_slice(image, width_mbs, height_mbs):
    luma, blue, red = _planes(image)
    width = width_mbs * 16
    bits = _Bits()
    bits.ue(0)  # first_mb_in_slice
    bits.ue(7)  # slice_type: I, as every slice of the picture
    bits.ue(0)  # pic_parameter_set_id
    bits.u(4, 0)  # frame_num
    bits.ue(0)  # idr_pic_id
    bits.u(1, 0)  # no_output_of_prior_pics_flag
    bits.u(1, 0)  # long_term_reference_flag
    bits.se(0)  # slice_qp_delta
    bits.ue(1)  # disable_deblocking_filter_idc: raw samples need no deblocking
    for mb_y in range(height_mbs):
        for mb_x in range(width_mbs):
            bits.ue(25)  # mb_type: I_PCM
            bits.align_zero()
            samples = bytearray()
            for row in range(16):
                start = (mb_y * 16 + row) * width + mb_x * 16
                samples.extend(luma[start : start + 16])
            for plane in (blue, red):
                for row in range(8):
                    start = (mb_y * 8 + row) * (width // 2) + mb_x * 8
                    samples.extend(plane[start : start + 8])
            bits.raw(samples)
    return _nal(3, 5, bits.rbsp())


def _skip_slice(frame_num, mb_count):
    """A P frame that repeats the previous one: every macroblock skipped."""
    bits = _Bits()
    bits.ue(0)  # first_mb_in_slice
    bits.ue(5)  # slice_type: P
    bits.ue(0)  # pic_parameter_set_id
    bits.u(4, frame_num % 16)
    bits.u(1, 0)  # num_ref_idx_active_override_flag
    bits.u(1, 0)  # ref_pic_list_modification_flag_l0
    bits.u(1, 0)  # adaptive_ref_pic_marking_mode_flag
    bits.se(0)  # slice_qp_delta
    bits.ue(1)  # disable_deblocking_filter_idc
    bits.ue(mb_count)  # mb_skip_run
    return _nal(2, 1, bits.rbsp())


def _box(kind, *parts):
    payload = b"".join(parts)
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def _full_box(kind, version, flags, *parts):
    return _box(kind, struct.pack(">I", (version << 24) | flags), *parts)


MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def _moov(width, height, sps, pps, sample_sizes, frame_ms, chunk_offset):
    duration = frame_ms * len(sample_sizes)
    avcc = _box(
        b"avcC",
        bytes([1, PROFILE_BASELINE, 0b11000000, LEVEL_3_0, 0xFF, 0xE1]),
        struct.pack(">H", len(sps)),
        sps,
        b"\x01",
        struct.pack(">H", len(pps)),
        pps,
    )
    avc1 = _box(
        b"avc1",
        b"\x00" * 6,
        struct.pack(">H", 1),  # data_reference_index
        b"\x00" * 16,
        struct.pack(">HHII", width, height, 0x480000, 0x480000),
        struct.pack(">IH", 0, 1),
        b"\x00" * 32,  # compressorname
        struct.pack(">Hh", 0x18, -1),
        avcc,
    )
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, 0, struct.pack(">I", 1), avc1),
        _full_box(b"stts", 0, 0, struct.pack(">III", 1, len(sample_sizes), frame_ms)),
        _full_box(b"stss", 0, 0, struct.pack(">II", 1, 1)),
        _full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, len(sample_sizes), 1)),
        _full_box(
            b"stsz", 0, 0, struct.pack(">II", 0, len(sample_sizes)), *(struct.pack(">I", s) for s in sample_sizes)
        ),
        _full_box(b"stco", 0, 0, struct.pack(">II", 1, chunk_offset)),
    )
    minf = _box(
        b"minf",
        _full_box(b"vmhd", 0, 1, struct.pack(">HHHH", 0, 0, 0, 0)),
        _box(b"dinf", _full_box(b"dref", 0, 0, struct.pack(">I", 1), _full_box(b"url ", 0, 1))),
        stbl,
    )
    mdia = _box(
        b"mdia",
        _full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, MOVIE_TIMESCALE, duration, 0x55C4, 0)),
        _full_box(b"hdlr", 0, 0, struct.pack(">I4s12x", 0, b"vide"), b"VideoHandler\x00"),
        minf,
    )
    tkhd = _full_box(
        b"tkhd",
        0,
        3,  # enabled, in movie
        struct.pack(">IIII", 0, 0, 1, 0),
        struct.pack(">I8xHHHH", duration, 0, 0, 0, 0),
        MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )
    mvhd = _full_box(
        b"mvhd",
        0,
        0,
        struct.pack(">IIIIIH10x", 0, 0, MOVIE_TIMESCALE, duration, 0x10000, 0x100),
        MATRIX,
        b"\x00" * 24,
        struct.pack(">I", 2),  # next_track_ID
    )
    return _box(b"moov", mvhd, _box(b"trak", tkhd, mdia))


def still_mp4_bytes(seed, seconds=6, width=256, height=144):
    """An H.264 MP4 of ``seconds`` seconds showing the demo picture drawn from ``seed``, one frame a second."""
    width_mbs, height_mbs = width // 16, height // 16
    image = draw_image(seed, width_mbs * 16, height_mbs * 16)
    sps, pps = _sps(width_mbs, height_mbs), _pps()
    nals = [_idr_slice(image, width_mbs, height_mbs)]
    nals += [_skip_slice(frame, width_mbs * height_mbs) for frame in range(1, seconds)]
    samples = [struct.pack(">I", len(nal)) + nal for nal in nals]
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2avc1mp41")
    frame_ms = MOVIE_TIMESCALE
    sizes = [len(sample) for sample in samples]
    moov_size = len(_moov(width, height, sps, pps, sizes, frame_ms, 0))
    moov = _moov(width, height, sps, pps, sizes, frame_ms, len(ftyp) + moov_size + 8)
    return ftyp + moov + _box(b"mdat", *samples)


def ensure_demo_media(title, media_type, seed, seconds=6):
    """The media item titled ``title``, generated from ``seed`` if it does not exist yet."""
    media_model = get_media_model()
    media = media_model.objects.filter(title=title, type=media_type).first()
    if media is not None:
        return media
    if media_type == "video":
        media = media_model(title=title, type="video", duration=seconds, width=256, height=144)
        media.file.save(f"demo-{seed}.mp4", ContentFile(still_mp4_bytes(seed, seconds)), save=False)
    else:
        media = media_model(title=title, type="audio", duration=seconds)
        media.file.save(f"demo-{seed}.wav", ContentFile(chime_wav_bytes(seconds)), save=False)
    media.save()
    return media
