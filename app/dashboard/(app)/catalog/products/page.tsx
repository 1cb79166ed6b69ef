// GET /dashboard/catalog/products — the product list lives at /dashboard/catalog
import { redirect } from 'next/navigation';

export default function ProductsIndex() {
  redirect('/dashboard/catalog');
}
