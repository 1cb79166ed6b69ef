export default function Home() {
  return (
    <main className="mx-auto max-w-xl p-8 font-sans">
      <h1 className="text-2xl font-semibold">Caisse</h1>
      <p className="mt-2 text-gray-700">
        A self-hostable hosted checkout. The Checkout Sessions API is served under <code>/v1</code>.
      </p>
    </main>
  );
}
