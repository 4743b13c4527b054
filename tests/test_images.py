"""Photos as IKMs send them: rotated, CMYK, 16-bit, with GPS in their EXIF, truncated, renamed,
huge. Each rejection is a diagnostic on the ``gambar`` line; everything published is upright,
sRGB and free of metadata; an unchanged photo is never decoded twice."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from etalase.config import load_config
from etalase.pipeline import build, check_content
from tests.conftest import write_project
from tests.test_content_errors import PRODUCT, P, base_files

PHOTO = "content/products/contoh/foto/keripik.jpg"
WHERE = f"{P}:15:13"


def jpeg(im: Image.Image, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90, **kw)
    return buf.getvalue()


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def project(tmp_path: Path, photo: bytes | str, config_extra: str = "") -> Path:
    from tests.conftest import site_config

    files = base_files()
    files[PHOTO] = photo
    return write_project(tmp_path / "p", files, site_config(extra=config_extra))


def problems(root: Path) -> list[str]:
    report = check_content(load_config(root / "site_config.yaml"))
    return [d.format_text() for d in report.diagnostics]


def built(root: Path):
    cfg = load_config(root / "site_config.yaml").with_overrides(jobs=1)
    report = build(cfg, force=True)  # every build goes through the image cache, never the no-op check
    assert report.ok, [d.format_text() for d in report.diagnostics]
    return report


def outputs(root: Path) -> list[Path]:
    return sorted(p for p in (root / "_site" / "media" / "contoh").glob("keripik-*"))


# --- rejections ---------------------------------------------------------------------------


def test_text_file_named_jpg_is_not_an_image(tmp_path: Path) -> None:
    assert problems(project(tmp_path, "bukan gambar\n")) == [
        f"{WHERE}: error: berkas gambar `foto/keripik.jpg` bukan gambar yang bisa dibaca; simpan ulang fotonya sebagai JPG, PNG atau WebP [gambar[0].berkas]"
    ]


def test_png_renamed_to_jpg_is_caught(tmp_path: Path) -> None:
    assert problems(project(tmp_path, png(Image.new("RGB", (640, 480), "red")))) == [
        f"{WHERE}: error: berkas gambar `foto/keripik.jpg` berisi gambar PNG, tidak cocok dengan akhiran .jpg; ganti akhiran nama berkas sesuai isinya atau simpan ulang fotonya [gambar[0].berkas]"
    ]


def test_truncated_upload_is_caught(tmp_path: Path) -> None:
    data = jpeg(Image.effect_noise((800, 600), 40).convert("RGB"))
    assert problems(project(tmp_path, data[: len(data) // 2])) == [
        f"{WHERE}: error: berkas gambar `foto/keripik.jpg` rusak atau terpotong (unggahan tidak selesai); unggah ulang fotonya [gambar[0].berkas]"
    ]


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny valid PNG whose header claims a huge size (a decompression bomb's calling card)."""
    data = bytearray(png(Image.new("RGB", (1, 1))))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def test_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    root = project(tmp_path, _png_claiming(30000, 30000))
    (root / P).write_text(PRODUCT.replace("foto/keripik.jpg", "foto/keripik.png"), encoding="utf-8")
    (root / PHOTO).rename(root / "content/products/contoh/foto/keripik.png")
    assert problems(root) == [
        f"{WHERE}: error: gambar `foto/keripik.png` terlalu besar (900 megapiksel, maksimal 50); perkecil ukurannya sebelum diunggah [gambar[0].berkas]"
    ]


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    data = jpeg(Image.new("RGB", (640, 480), "red"))
    big = data + b"\x00" * (1024 * 1024 + 1 - len(data))
    root = project(tmp_path, big, "gambar:\n  maks_mb: 1\n")
    assert problems(root) == [
        f"{WHERE}: error: berkas gambar `foto/keripik.jpg` terlalu besar (1.0 MB, maksimal 1 MB); kirim foto yang lebih kecil, mis. ekspor ulang sebagai JPEG kualitas 85% [gambar[0].berkas]"
    ]


def test_tiny_image_is_refused(tmp_path: Path) -> None:
    assert problems(project(tmp_path, jpeg(Image.new("RGB", (300, 200), "red")))) == [
        f"{WHERE}: error: gambar `foto/keripik.jpg` terlalu kecil (300×200 piksel); sisi terpendek minimal 400 piksel, gunakan foto asli dari kamera [gambar[0].berkas]"
    ]


def test_svg_in_disguise_is_refused(tmp_path: Path) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    assert problems(project(tmp_path, svg)) == [
        f"{WHERE}: error: berkas gambar `foto/keripik.jpg` berisi SVG, yang tidak diizinkan; gunakan foto JPG, PNG atau WebP [gambar[0].berkas]"
    ]


def test_link_leaving_the_folder_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, jpeg(Image.new("RGB", (640, 480), "red")))
    outside = tmp_path / "rahasia.jpg"
    outside.write_bytes((root / PHOTO).read_bytes())
    (root / PHOTO).unlink()
    (root / PHOTO).symlink_to(outside)
    assert problems(root) == [
        f"{WHERE}: error: berkas gambar `foto/keripik.jpg` berada di luar folder IKM ini; simpan foto di dalam folder content/products/contoh/ [gambar[0].berkas]"
    ]


# --- normalisation ------------------------------------------------------------------------


def _phone_photo_with_gps() -> tuple[bytes, Image.Image]:
    """600×800 upright picture stored sideways with EXIF orientation 6, GPS, camera serial."""
    upright = Image.new("RGB", (600, 800), (40, 120, 200))
    upright.paste((230, 20, 20), (0, 0, 150, 150))  # red marks the top-left corner
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what the phone's sensor wrote
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "ContohPonsel"
    exif[0xA431] = "SERIAL-12345"
    exif.get_ifd(0x8825).update({1: "S", 2: (5.0, 7.0, 12.0), 3: "E", 4: (105.0, 18.0, 30.0)})
    data = jpeg(stored, exif=exif, icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    assert ImageOps.exif_transpose(Image.open(io.BytesIO(data))).size == (600, 800)
    return data, upright


def test_photo_comes_out_upright_without_any_metadata(tmp_path: Path) -> None:
    data, _ = _phone_photo_with_gps()
    root = project(tmp_path, data)
    built(root)
    files = outputs(root)
    assert [f.name.rsplit("-", 1)[1] for f in files] == ["320.jpg", "320.webp", "600.jpg", "600.webp"]
    for f in files:
        raw = f.read_bytes()
        assert b"Exif" not in raw and b"ContohPonsel" not in raw and b"SERIAL" not in raw, f.name
        with Image.open(f) as im:
            assert im.mode == "RGB"
            assert not im.getexif() and "icc_profile" not in im.info and "xmp" not in im.info
            assert im.width < im.height  # portrait, as the photo was taken
            r, g, b = im.convert("RGB").getpixel((4, 4))
            assert r > 180 and g < 80 and b < 80, (f.name, (r, g, b))  # red corner stays top-left


def test_cmyk_and_16_bit_photos_become_srgb(tmp_path: Path) -> None:
    root = project(tmp_path, jpeg(Image.new("CMYK", (640, 480), (0, 255, 255, 0))))  # pure red in CMYK
    built(root)
    with Image.open(next(f for f in outputs(root) if f.suffix == ".jpg")) as im:
        assert im.mode == "RGB"
        r, g, b = im.getpixel((10, 10))
        assert r > 200 and g < 60 and b < 60
    grey16 = Image.new("I;16", (640, 480), 32768)
    root2 = project(tmp_path / "b", png(grey16))
    (root2 / P).write_text(PRODUCT.replace("foto/keripik.jpg", "foto/keripik.png"), encoding="utf-8")
    (root2 / PHOTO).rename(root2 / "content/products/contoh/foto/keripik.png")
    built(root2)
    with Image.open(next(f for f in outputs(root2) if f.suffix == ".jpg")) as im:
        assert im.mode == "RGB"
        assert 120 <= im.getpixel((5, 5))[0] <= 136  # 32768/65535 of full scale ≈ 128


def test_variants_are_never_upscaled_and_the_markup_says_so(tmp_path: Path) -> None:
    root = project(tmp_path, jpeg(Image.new("RGB", (2000, 1500), (90, 140, 60))))
    built(root)
    names = [f.name.rsplit("-", 1)[1] for f in outputs(root)]
    assert names == [f"{w}.{x}" for w in (1024, 1600, 320, 640) for x in ("jpg", "webp")]
    html = (root / "_site/produk/contoh/keripik/index.html").read_text(encoding="utf-8")
    key = outputs(root)[0].name.split("-")[1]
    srcset = ", ".join(f"/media/contoh/keripik-{key}-{w}.webp {w}w" for w in (320, 640, 1024, 1600))
    assert f'<source type="image/webp" srcset="{srcset}"' in html
    assert 'width="2000" height="1500" fetchpriority="high" decoding="async">' in html
    assert 'alt="Kemasan keripik pisang coklat"' in html
    assert 'class="pic-ph" src="data:image/webp;base64,' in html
    small = project(tmp_path / "kecil", jpeg(Image.new("RGB", (500, 450), (90, 140, 60))))
    built(small)
    assert [f.name.rsplit("-", 1)[1] for f in outputs(small)] == ["320.jpg", "320.webp", "500.jpg", "500.webp"]


def test_share_cards_are_1200_by_630(tmp_path: Path) -> None:
    root = project(tmp_path, jpeg(Image.new("RGB", (1200, 1600), (200, 160, 60))))
    built(root)
    html = (root / "_site/produk/contoh/keripik/index.html").read_text(encoding="utf-8")
    card = html.split('<meta property="og:image" content="https://katalog.example.id/', 1)[1].split('"', 1)[0]
    assert card.startswith("media/kartu/contoh/keripik-") and card.endswith(".jpg")
    with Image.open(root / "_site" / card) as im:
        assert im.size == (1200, 630) and not im.getexif()
    assert list((root / "_site/media/kartu/contoh").glob("profil-*.jpg"))


def test_second_build_does_no_image_work(tmp_path: Path) -> None:
    data, _ = _phone_photo_with_gps()
    root = project(tmp_path, data)
    first = built(root)
    assert (first.photos.processed, first.photos.cards_drawn) == (1, 2)
    before = {f.name: f.read_bytes() for f in outputs(root)}
    second = built(root)
    assert (second.photos.processed, second.photos.cards_drawn) == (0, 0)
    assert second.checked.photos.decoded == 0  # not even the placeholder was made again
    assert {f.name: f.read_bytes() for f in outputs(root)} == before


def test_a_changed_photo_gets_new_names(tmp_path: Path) -> None:
    root = project(tmp_path, jpeg(Image.new("RGB", (640, 480), "red")))
    built(root)
    old = {f.name for f in outputs(root)}
    (root / PHOTO).write_bytes(jpeg(Image.new("RGB", (640, 480), "blue")))
    report = built(root)
    assert report.photos.processed == 1
    assert old.isdisjoint({f.name for f in outputs(root)})


def test_parallel_processing_gives_the_same_files(tmp_path: Path) -> None:
    data, _ = _phone_photo_with_gps()
    second = PRODUCT.replace("foto/keripik.jpg", "foto/kedua.jpg").replace("Coklat", "Keju")

    def two_photos(root: Path) -> Path:
        (root / "content/products/contoh/foto/kedua.jpg").write_bytes(jpeg(Image.new("RGB", (900, 700), "green")))
        (root / "content/products/contoh/kedua.yaml").write_text(second, encoding="utf-8")
        return root

    serial = two_photos(project(tmp_path / "a", data))
    assert built(serial).photos.processed == 2
    parallel = two_photos(project(tmp_path / "b", data))
    report = build(load_config(parallel / "site_config.yaml").with_overrides(jobs=2))
    assert report.photos.processed == 2

    def media(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "_site/media").rglob("*.*"))}

    assert media(serial) == media(parallel)


def test_gif_is_published_from_its_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("P", (640, 480), i) for i in (1, 2)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    root = project(tmp_path, buf.getvalue())
    (root / P).write_text(PRODUCT.replace("foto/keripik.jpg", "foto/keripik.gif"), encoding="utf-8")
    (root / PHOTO).rename(root / "content/products/contoh/foto/keripik.gif")
    built(root)
    assert [f.name.rsplit("-", 1)[1] for f in outputs(root)] == ["320.jpg", "320.webp", "640.jpg", "640.webp"]


def test_avif_is_an_option(tmp_path: Path) -> None:
    root = project(tmp_path, jpeg(Image.new("RGB", (640, 480), "red")), "gambar:\n  avif: true\n")
    built(root)
    assert [f.name.rsplit("-", 1)[1] for f in outputs(root)] == [
        "320.avif",
        "320.jpg",
        "320.webp",
        "640.avif",
        "640.jpg",
        "640.webp",
    ]
    html = (root / "_site/produk/contoh/keripik/index.html").read_text(encoding="utf-8")
    assert html.index('<source type="image/avif"') < html.index('<source type="image/webp"')
